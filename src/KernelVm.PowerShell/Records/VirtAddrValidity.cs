namespace KernelVm.PowerShell
{
    /// <summary>What virt_addr_valid() said of one address.</summary>
    public sealed class VirtAddrValidity
    {
        internal VirtAddrValidity(Machine machine, ulong virtualAddress, bool valid)
        {
            Machine = machine.Name;
            VirtualAddress = virtualAddress;
            Valid = valid;
        }

        public Address VirtualAddress { get; }

        /// <summary>virt_addr_valid(VirtualAddress).</summary>
        public bool Valid { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
