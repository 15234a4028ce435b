namespace KernelVm.Trace
{
    /// <summary>The steps the kernel takes that the model records.</summary>
    public enum EventKind
    {
        /// <summary>kmap() of a lowmem page: page_address(), no counts touched.</summary>
        KmapLowmem,
        /// <summary>kmap_high() found the page mapped (count >= 1) and reused its slot.</summary>
        KmapReuse,
        /// <summary>map_new_virtual() chose a free slot.</summary>
        SlotChosen,
        /// <summary>last_pkmap_nr wrapped to 0.</summary>
        Wrap,
        /// <summary>flush_all_zero_pkmaps(): the slots at count 1 were cleared (Detail lists them).</summary>
        FlushAllZeroPkmaps,
        /// <summary>flush_tlb_all() / flush_tlb_kernel_range(): every CPU's TLB emptied.</summary>
        TlbFlushAll,
        /// <summary>__flush_tlb_one() (invlpg): one address dropped from one CPU's TLB.</summary>
        TlbFlushOne,
        /// <summary>A CPU loaded a TLB entry by walking the page tables.</summary>
        TlbLoad,
        PteSet,
        PteClear,
        /// <summary>set_page_address(): the page entered the page_address hash (or page->virtual).</summary>
        HashInsert,
        HashRemove,
        /// <summary>The task slept on pkmap_map_wait: no free slot.</summary>
        Sleep,
        /// <summary>wake_up(&amp;pkmap_map_wait).</summary>
        WakeUp,
        /// <summary>The simulator's user took a task off pkmap_map_wait (no kernel can: the sleep is uninterruptible).</summary>
        WaitCancelled,
        /// <summary>A woken task found its page mapped by someone else meanwhile.</summary>
        FoundMapped,
        Kunmap,
        KmapAtomic,
        KunmapAtomic,
        SetFixmap,
        ClearFixmap,
        /// <summary>2.4.22 kmap_nonblock(): no free slot, NULL returned instead of sleeping.</summary>
        KmapNonblockFailed,
        /// <summary>6.x kmap_local_page() or kmap_atomic(): a slot pushed on the task's kmap_local stack, or page_address() for lowmem.</summary>
        KmapLocal,
        /// <summary>kunmap_local_indexed(): the top of the task's stack popped and its PTE cleared.</summary>
        KunmapLocal,
        /// <summary>A WARN_ON_ONCE in kunmap_local_indexed(): unmapped out of order, or an address no kmap_local gave.</summary>
        KmapLocalWarning,
        /// <summary>A CPU switched from one task to another (prepare_task_switch ... finish_task_switch).</summary>
        ContextSwitch,
        /// <summary>__kmap_local_sched_out(): a slot of the outgoing task cleared and flushed.</summary>
        KmapLocalSchedOut,
        /// <summary>__kmap_local_sched_in(): a slot of the incoming task written back.</summary>
        KmapLocalSchedIn,
    }
}
