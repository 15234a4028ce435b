namespace KernelVm.PowerShell
{
    /// <summary>A CPU's access to a kernel virtual address.</summary>
    public sealed class VmAccessResult
    {
        internal VmAccessResult(Machine machine, string task, int cpu, ulong virtualAddress, ulong physical, bool tlbHit)
        {
            Machine = machine.Name;
            Task = task;
            Cpu = cpu;
            VirtualAddress = virtualAddress;
            PhysicalAddress = physical;
            Pfn = physical >> KernelVm.Machine.PageShift;
            TlbHit = tlbHit;
        }

        public Address VirtualAddress { get; }

        public Address PhysicalAddress { get; }

        public Address Pfn { get; }

        public int Cpu { get; }

        /// <summary>Whether the CPU's TLB already held the translation (else it walked the tables and loaded it).</summary>
        public bool TlbHit { get; }

        public string Task { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
