namespace KernelVm.Tlb
{
    /// <summary>A cached translation of one virtual page on one CPU.</summary>
    public readonly struct TlbEntry
    {
        internal TlbEntry(int cpu, ulong virtualPage, ulong pfn, bool global)
        {
            Cpu = cpu;
            VirtualPage = virtualPage;
            Pfn = pfn;
            Global = global;
        }

        public int Cpu { get; }

        public ulong VirtualPage { get; }

        public ulong Pfn { get; }

        /// <summary>Loaded from a PTE with _PAGE_GLOBAL: a CR3 reload keeps it.</summary>
        public bool Global { get; }
    }
}
