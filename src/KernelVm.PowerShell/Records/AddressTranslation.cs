namespace KernelVm.PowerShell
{
    /// <summary>A direct-map translation: a virtual address, the physical address it maps, and its page frame.</summary>
    public sealed class AddressTranslation
    {
        internal AddressTranslation(Machine machine, ulong virtualAddress, ulong physicalAddress)
        {
            Machine = machine;
            VirtualAddress = virtualAddress;
            PhysicalAddress = physicalAddress;
            Pfn = physicalAddress >> KernelVm.Machine.PageShift;
        }

        public Address VirtualAddress { get; }

        public Address PhysicalAddress { get; }

        /// <summary>The page frame number, PhysicalAddress >> PAGE_SHIFT.</summary>
        public ulong Pfn { get; }

        public Machine Machine { get; }
    }
}
