namespace KernelVm.Exercises
{
    /// <summary>What an exercise asks about. The values are part of every seed's meaning: never reorder them.</summary>
    public enum ExerciseTopic
    {
        /// <summary>PAGE_OFFSET, MAXMEM, high_memory and max_low_pfn for a VMSPLIT and a RAM size.</summary>
        Split,
        /// <summary>__pa() or __va() of an address.</summary>
        DirectMap,
        /// <summary>The address or slot kmap() returns after a sequence of kmaps and kunmaps.</summary>
        Pkmap,
        /// <summary>The fixmap address kmap_atomic() returns for a km_type on a CPU.</summary>
        KmapAtomic,
        /// <summary>fix_to_virt() of a fixmap name, or virt_to_fix() of an address.</summary>
        Fixmap,
        /// <summary>Zone boundaries, in pfns, for a RAM size.</summary>
        Zones,
        /// <summary>A page-table index, or the physical address a walk ends at.</summary>
        PageWalk,
    }
}
