namespace KernelVm.Highmem
{
    /// <summary>How a kmap() call went.</summary>
    public enum KmapStatus
    {
        /// <summary>A lowmem page: page_address(), nothing counted.</summary>
        Lowmem,
        /// <summary>The page was already mapped; its slot's count went up.</summary>
        Reused,
        /// <summary>A new slot was taken.</summary>
        NewSlot,
        /// <summary>Another task mapped the page while this one slept; it took that mapping.</summary>
        FoundMapped,
        /// <summary>No free slot: the task sleeps on pkmap_map_wait.</summary>
        Blocked,
        /// <summary>2.4.22 kmap_nonblock(): no free slot, NULL returned.</summary>
        Failed,
    }

    /// <summary>The result of kmap(): where the page is mapped and what the kernel did to get there.</summary>
    public readonly struct KmapOutcome
    {
        internal KmapOutcome(string task, ulong pfn, KmapStatus status, ulong virtualAddress, int slot, int count, bool wrapped, bool flushed)
        {
            Task = task;
            Pfn = pfn;
            Status = status;
            VirtualAddress = virtualAddress;
            Slot = slot;
            Count = count;
            Wrapped = wrapped;
            Flushed = flushed;
        }

        public string Task { get; }

        public ulong Pfn { get; }

        public KmapStatus Status { get; }

        /// <summary>The mapping; 0 when Blocked or Failed.</summary>
        public ulong VirtualAddress { get; }

        /// <summary>The pkmap slot, or -1 (lowmem, blocked, failed).</summary>
        public int Slot { get; }

        /// <summary>pkmap_count[slot] after the call, or -1.</summary>
        public int Count { get; }

        /// <summary>Whether the slot search wrapped past the last slot.</summary>
        public bool Wrapped { get; }

        /// <summary>Whether flush_all_zero_pkmaps() ran during the call.</summary>
        public bool Flushed { get; }
    }
}
