namespace KernelVm.Highmem
{
    /// <summary>What kunmap_local_indexed() did: the stack slot it popped and the PTE it cleared, and any WARN_ON_ONCE.</summary>
    public readonly struct KunmapLocalOutcome
    {
        internal KunmapLocalOutcome(ulong address, int slot, int fixmapIndex, long pfn, ulong flushed, int idx, string? warning, bool warningPrinted)
        {
            Address = address;
            Slot = slot;
            FixmapIndex = fixmapIndex;
            Pfn = pfn;
            Flushed = flushed;
            Idx = idx;
            Warning = warning;
            WarningPrinted = warningPrinted;
        }

        /// <summary>The address given.</summary>
        public ulong Address { get; }

        /// <summary>The stack slot popped (always the top), or -1 when the address is not a kmap_local slot.</summary>
        public int Slot { get; }

        /// <summary>The fixmap index whose PTE was cleared (the top slot's), or -1.</summary>
        public int FixmapIndex { get; }

        /// <summary>The pfn that PTE mapped, or -1.</summary>
        public long Pfn { get; }

        /// <summary>The page flush_tlb_one_kernel() dropped from this CPU's TLB (the address given), or 0.</summary>
        public ulong Flushed { get; }

        /// <summary>kmap_ctrl.idx afterwards.</summary>
        public int Idx { get; }

        /// <summary>What a WARN_ON_ONCE caught, or null.</summary>
        public string? Warning { get; }

        /// <summary>Whether the kernel printed that warning (WARN_ON_ONCE prints once per boot).</summary>
        public bool WarningPrinted { get; }
    }
}
