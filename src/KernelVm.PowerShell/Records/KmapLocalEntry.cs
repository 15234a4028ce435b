namespace KernelVm.PowerShell
{
    /// <summary>One mapping on a task's kmap_local stack: its slot, where it is on the task's CPU, and the saved PTE.</summary>
    public sealed class KmapLocalEntry
    {
        internal KmapLocalEntry(int slot, int fixmapIndex, ulong virtualAddress, ulong pte)
        {
            Slot = slot;
            FixmapIndex = fixmapIndex;
            VirtualAddress = virtualAddress;
            Pte = pte;
            Pfn = (pte & Paging.PteValues.FrameMask) >> KernelVm.Machine.PageShift;
        }

        /// <summary>The stack slot (0 at the bottom).</summary>
        public int Slot { get; }

        /// <summary>FIX_KMAP_BEGIN + slot + KM_MAX_IDX * cpu.</summary>
        public int FixmapIndex { get; }

        public Address VirtualAddress { get; }

        public Address Pfn { get; }

        /// <summary>kmap_ctrl.pteval[slot]: what the slot's PTE holds while the task runs.</summary>
        public Address Pte { get; }

        /// <summary>How a task's KmapLocal prints (Format-List, Export-Csv): "slot 0 pfn 0x40000 at 0xFFFFC000".</summary>
        public override string ToString() =>
            "slot " + Slot.ToString(System.Globalization.CultureInfo.InvariantCulture) + " pfn " + Formatting.DisplayFormat.Pfn(Pfn) + " at " + VirtualAddress;
    }
}
