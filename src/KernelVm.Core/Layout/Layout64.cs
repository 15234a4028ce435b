namespace KernelVm.Layout
{
    /// <summary>The fixed landmarks of an x86-64 kernel's address space (4-level paging, KASLR off).</summary>
    public sealed class Layout64
    {
        public ulong VmallocStart { get; init; }

        /// <summary>One past VMALLOC_END.</summary>
        public ulong VmallocEnd { get; init; }

        public ulong VmemmapSize { get; init; }

        /// <summary>KERNEL_TEXT_SIZE (2.6.24) / KERNEL_IMAGE_SIZE (6.x).</summary>
        public ulong KernelTextSize { get; init; }

        public ulong ModulesStart { get; init; }

        /// <summary>MODULES_END where the kernel sets one below the fixmaps (6.x: 0xFFFFFFFFFF000000); null: up to the fixmaps.</summary>
        public ulong? ModulesEnd { get; init; }

        /// <summary>MAXMEM: 0x3FFFFFFFFFFF in 2.6.24 (pgtable_64.h), 1UL &lt;&lt; MAX_PHYSMEM_BITS = 1UL &lt;&lt; 46 in 6.x (page_64_types.h).</summary>
        public ulong MaxMem { get; init; }

        /// <summary>VSYSCALL_START / VSYSCALL_ADDR.</summary>
        public ulong Vsyscall { get; init; }

        /// <summary>Version-specific regions (the LDT remap, the CPU entry area, the %esp fixup stacks, EFI).</summary>
        public (RegionKind Kind, string Name, ulong Start, ulong End, string Description)[] Extra { get; init; } = new (RegionKind, string, ulong, ulong, string)[0];
    }
}
