namespace KernelVm.Workloads
{
    /// <summary>What one step of a workload does (the keys of a <see cref="WorkloadMix"/>).</summary>
    public enum WorkloadOp
    {
        /// <summary>kmap() of a page the access pattern picks; the task holds it until it kunmaps it.</summary>
        Kmap,
        /// <summary>kunmap() of one of the pages the task holds.</summary>
        Kunmap,
        /// <summary>kmap_atomic(page, KM_USER0) of a page the pattern picks, then kunmap_atomic() at once: atomic code cannot sleep or hold it.</summary>
        KmapAtomic,
        /// <summary>The task's CPU touches one of the pages the task holds, through its TLB or a page-table walk.</summary>
        Access,
    }
}
