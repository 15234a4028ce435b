namespace KernelVm.Layout
{
    /// <summary>What a stretch of the virtual address space is used for.</summary>
    public enum RegionKind
    {
        User,
        DirectMap,
        /// <summary>The VMALLOC_OFFSET gap after high_memory, which catches overruns of the direct map.</summary>
        VmallocGap,
        Vmalloc,
        /// <summary>The two unmapped pages between VMALLOC_END and PKMAP_BASE.</summary>
        GuardPages,
        Pkmap,
        /// <summary>Address space that nothing uses (PMD rounding below the fixmaps, non-canonical x86-64 addresses).</summary>
        Unused,
        /// <summary>Fixmap slots at or above __end_of_permanent_fixed_addresses: early ioremap during boot.</summary>
        FixmapBootTime,
        FixmapPermanent,
        /// <summary>FIX_HOLE, or the page above 2.4.22's FIXADDR_TOP: never mapped.</summary>
        FixmapHole,
        /// <summary>6.x: the LDT remap for PTI, one PMD below the CPU entry area.</summary>
        Ldt,
        /// <summary>6.x: the CPU entry area (GDT, entry stacks, TSS per CPU, and the read-only IDT).</summary>
        CpuEntryArea,
        /// <summary>x86-64: the kernel text mapping at __START_KERNEL_map.</summary>
        KernelText,
        /// <summary>x86-64: the module area.</summary>
        Modules,
        /// <summary>x86-64: the virtual memory map (vmemmap) of struct pages.</summary>
        VirtualMemMap,
    }
}
