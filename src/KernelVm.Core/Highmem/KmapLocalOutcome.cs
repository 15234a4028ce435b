namespace KernelVm.Highmem
{
    /// <summary>What kmap_local_page() (or 6.x kmap_atomic()) returned, and the stack slot behind it.</summary>
    public readonly struct KmapLocalOutcome
    {
        internal KmapLocalOutcome(string task, int cpu, ulong pfn, ulong virtualAddress, int slot, int fixmapIndex, int idx)
        {
            Task = task;
            Cpu = cpu;
            Pfn = pfn;
            VirtualAddress = virtualAddress;
            Slot = slot;
            FixmapIndex = fixmapIndex;
            Idx = idx;
        }

        public string Task { get; }

        /// <summary>The CPU the call ran on (smp_processor_id()).</summary>
        public int Cpu { get; }

        public ulong Pfn { get; }

        public ulong VirtualAddress { get; }

        /// <summary>The stack slot pushed, or -1 for a page_address() answer (lowmem, or no CONFIG_HIGHMEM).</summary>
        public int Slot { get; }

        /// <summary>FIX_KMAP_BEGIN + slot + KM_MAX_IDX * cpu, or -1.</summary>
        public int FixmapIndex { get; }

        /// <summary>kmap_ctrl.idx afterwards.</summary>
        public int Idx { get; }

        /// <summary>page_address(): no slot was used.</summary>
        public bool Lowmem => Slot < 0;
    }
}
