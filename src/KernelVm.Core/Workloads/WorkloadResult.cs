namespace KernelVm.Workloads
{
    /// <summary>How a workload step went.</summary>
    public enum WorkloadResult
    {
        /// <summary>A lowmem page: kmap, kunmap and kmap_atomic use its direct-map address and touch no count.</summary>
        Lowmem,
        /// <summary>kmap(): map_new_virtual() took a free pkmap slot.</summary>
        NewSlot,
        /// <summary>kmap(): the page was still mapped (in use, or stale at count 1) and its slot's count went up.</summary>
        Reused,
        /// <summary>kmap(): no free slot, the task sleeps on pkmap_map_wait and runs no step until a kunmap wakes it.</summary>
        Blocked,
        /// <summary>kmap() blocked and with it the last running task of the workload: nothing is left to kunmap, so the run ends.</summary>
        Deadlock,
        /// <summary>kunmap(): other users remain (count 2 or more).</summary>
        InUse,
        /// <summary>kunmap(): the last user left (count 1): the slot keeps its mapping until flush_all_zero_pkmaps().</summary>
        Stale,
        /// <summary>kunmap(): count 1 with tasks asleep on pkmap_map_wait, so wake_up() ran and they retried their kmaps.</summary>
        WokeWaiters,
        /// <summary>kmap_atomic(): the CPU's KM_USER0 fixmap slot mapped the highmem page until kunmap_atomic().</summary>
        Fixmap,
        /// <summary>Access: the CPU's TLB held the translation.</summary>
        TlbHit,
        /// <summary>Access: a page-table walk, which loaded the TLB.</summary>
        TlbMiss,
    }
}
