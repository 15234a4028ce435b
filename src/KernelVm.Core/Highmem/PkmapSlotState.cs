namespace KernelVm.Highmem
{
    /// <summary>What a pkmap_count value means for its slot (mm/highmem.c).</summary>
    public enum PkmapSlotState
    {
        /// <summary>0: unmapped since the last flush, usable.</summary>
        Free,
        /// <summary>1: no users, but the mapping is still there and a TLB may hold it; not usable until flush_all_zero_pkmaps().</summary>
        Stale,
        /// <summary>n > 1: n - 1 users.</summary>
        InUse,
    }
}
