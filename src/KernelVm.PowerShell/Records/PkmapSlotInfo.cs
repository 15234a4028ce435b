using KernelVm.Highmem;

namespace KernelVm.PowerShell
{
    /// <summary>One pkmap slot: its count, what the count means, and the page its PTE maps.</summary>
    public sealed class PkmapSlotInfo
    {
        internal PkmapSlotInfo(Machine machine, int slot, ulong virtualAddress, int count, ulong? pfn, ulong? page)
        {
            Machine = machine.Name;
            Slot = slot;
            VirtualAddress = virtualAddress;
            PkmapCount = count;
            State = Pkmap.StateOf(count);
            Users = count > 1 ? count - 1 : 0;
            Pfn = pfn;
            Page = page is { } p ? new Address(p) : null;
        }

        public int Slot { get; }

        /// <summary>PKMAP_ADDR(slot).</summary>
        public Address VirtualAddress { get; }

        /// <summary>pkmap_count[slot], raw.</summary>
        public int PkmapCount { get; }

        public PkmapSlotState State { get; }

        public int Users { get; }

        /// <summary>The page the slot's PTE maps; empty when the PTE is none.</summary>
        public Address? Pfn { get; }

        /// <summary>Its struct page.</summary>
        public Address? Page { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
