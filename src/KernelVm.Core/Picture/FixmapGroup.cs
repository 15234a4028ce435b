namespace KernelVm.Picture
{
    /// <summary>
    /// A run of fixmap indices the pictures draw as one row: an entry of enum fixed_addresses (a run the
    /// kernel names by its first and last member), or indices that belong to no entry (alignment padding).
    /// </summary>
    public sealed class FixmapGroup
    {
        internal FixmapGroup(string label, int firstIndex, int count, bool bootTime)
        {
            Label = label;
            FirstIndex = firstIndex;
            Count = count;
            BootTime = bootTime;
        }

        /// <summary>FIX_APIC_BASE, or FIX_KMAP_BEGIN..FIX_KMAP_END for a run.</summary>
        public string Label { get; }

        public int FirstIndex { get; }

        public int Count { get; }

        /// <summary>At or past __end_of_permanent_fixed_addresses: early ioremap slots, used only during boot.</summary>
        public bool BootTime { get; }
    }
}
