using KernelVm.Fixmap;
using KernelVm.Paging;

namespace KernelVm.PowerShell
{
    /// <summary>One fixmap index: its name and address, and what its PTE maps now.</summary>
    public sealed class FixmapInfo
    {
        internal FixmapInfo(Machine machine, FixmapSlot slot)
        {
            Machine = machine.Name;
            Index = slot.Index;
            Name = slot.Name;
            VirtualAddress = slot.VirtualAddress;
            BootTime = slot.BootTime;
            Pte = slot.Pte;
            Mapped = slot.Mapped;
            PhysicalAddress = Mapped ? new Address(slot.Pte & PteValues.FrameMask) : null;
            Flags = PteFlagNames.Of(slot.Pte) is var names && names.Count > 0 ? string.Join("|", names) : "";
        }

        public int Index { get; }

        public string Name { get; }

        /// <summary>__fix_to_virt(Index).</summary>
        public Address VirtualAddress { get; }

        /// <summary>A boot-time slot (early ioremap), below FIXADDR_START.</summary>
        public bool BootTime { get; }

        public bool Mapped { get; }

        public Address? PhysicalAddress { get; }

        /// <summary>The raw PTE.</summary>
        public Address Pte { get; }

        /// <summary>The PTE flags by name: PRESENT|RW|PCD|ACCESSED|DIRTY|GLOBAL.</summary>
        public string Flags { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
