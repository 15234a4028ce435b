namespace KernelVm.PowerShell
{
    /// <summary>A direct-map translation: a virtual address, the physical address it maps, and its page frame.</summary>
    public sealed class AddressTranslation
    {
        internal AddressTranslation(Machine machine, ulong virtualAddress, ulong physicalAddress)
        {
            Machine = machine.Name;
            VirtualAddress = virtualAddress;
            PhysicalAddress = physicalAddress;
            Pfn = physicalAddress >> KernelVm.Machine.PageShift;
        }

        public Address VirtualAddress { get; }

        public Address PhysicalAddress { get; }

        /// <summary>The page frame number, PhysicalAddress >> PAGE_SHIFT.</summary>
        public Address Pfn { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
