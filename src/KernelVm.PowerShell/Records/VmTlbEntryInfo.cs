namespace KernelVm.PowerShell
{
    /// <summary>One cached translation on one CPU.</summary>
    public sealed class VmTlbEntryInfo
    {
        internal VmTlbEntryInfo(Machine machine, int cpu, ulong virtualAddress, ulong pfn, bool global, ulong? current)
        {
            Machine = machine.Name;
            Cpu = cpu;
            VirtualAddress = virtualAddress;
            Pfn = pfn;
            PhysicalAddress = pfn << KernelVm.Machine.PageShift;
            Global = global;
            Stale = current != PhysicalAddress;
        }

        public int Cpu { get; }

        public Address VirtualAddress { get; }

        public Address Pfn { get; }

        public Address PhysicalAddress { get; }

        /// <summary>_PAGE_GLOBAL: survives a CR3 reload; only a kernel TLB flush drops it.</summary>
        public bool Global { get; }

        /// <summary>The page tables no longer map this translation: using it would be a bug.</summary>
        public bool Stale { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
