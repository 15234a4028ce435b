namespace KernelVm.Fixmap
{
    /// <summary>One fixmap index now: its name, address and the PTE behind it.</summary>
    public readonly struct FixmapSlot
    {
        internal FixmapSlot(int index, string name, ulong virtualAddress, bool bootTime, ulong pte)
        {
            Index = index;
            Name = name;
            VirtualAddress = virtualAddress;
            BootTime = bootTime;
            Pte = pte;
        }

        public int Index { get; }

        /// <summary>The enum name, or FIRST+n inside a run (FIX_KMAP_BEGIN+5).</summary>
        public string Name { get; }

        /// <summary>__fix_to_virt(index).</summary>
        public ulong VirtualAddress { get; }

        /// <summary>At or past __end_of_permanent_fixed_addresses: a boot-time slot, below FIXADDR_START.</summary>
        public bool BootTime { get; }

        /// <summary>The raw PTE (0: none).</summary>
        public ulong Pte { get; }

        /// <summary>The PTE is present: the index is set (set_fixmap, or a kmap_atomic slot in use).</summary>
        public bool Mapped => (Pte & (ulong)Paging.PteFlags.Present) != 0;
    }
}
