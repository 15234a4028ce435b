using KernelVm.Layout;

namespace KernelVm.PowerShell
{
    /// <summary>What a kernel virtual address is: its region, and the walk through the page tables (crash vtop, drgn identify_address).</summary>
    public sealed class VmAddressResolution
    {
        internal VmAddressResolution(Machine machine, ulong virtualAddress, MemoryRegion region, ulong? physical, VmWalkStep[] walk, string detail)
        {
            Machine = machine.Name;
            VirtualAddress = virtualAddress;
            Region = region.Name;
            RegionKind = region.Kind;
            Mapped = physical is not null;
            PhysicalAddress = physical is { } p ? new Address(p) : null;
            Pfn = physical >> KernelVm.Machine.PageShift;
            Walk = new RecordList<VmWalkStep>(walk);
            Detail = detail;
        }

        public Address VirtualAddress { get; }

        public string Region { get; }

        public RegionKind RegionKind { get; }

        public bool Mapped { get; }

        /// <summary>Where the walk ends; empty when the address is not mapped.</summary>
        public Address? PhysicalAddress { get; }

        public Address? Pfn { get; }

        /// <summary>Each level of the walk, top down.</summary>
        public RecordList<VmWalkStep> Walk { get; }

        /// <summary>What the region means for this address (its fixmap slot, its pkmap slot, its __pa()).</summary>
        public string Detail { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
