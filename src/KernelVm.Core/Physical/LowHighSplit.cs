namespace KernelVm.Physical
{
    /// <summary>The pfn bounds that boot computes for the direct map and high memory.</summary>
    public readonly struct LowHighSplit
    {
        public LowHighSplit(ulong maxPfn, ulong maxLowPfn)
        {
            MaxPfn = maxPfn;
            MaxLowPfn = maxLowPfn;
        }

        /// <summary>max_pfn: one past the highest usable RAM page.</summary>
        public ulong MaxPfn { get; }

        /// <summary>max_low_pfn: one past the last page of the direct map (lowmem).</summary>
        public ulong MaxLowPfn { get; }

        /// <summary>highstart_pfn (setup_memory): the first highmem page, or max_pfn when there is none.</summary>
        public ulong HighStartPfn => MaxPfn > MaxLowPfn ? MaxLowPfn : MaxPfn;

        /// <summary>highend_pfn: one past the last highmem page.</summary>
        public ulong HighEndPfn => MaxPfn;
    }
}
