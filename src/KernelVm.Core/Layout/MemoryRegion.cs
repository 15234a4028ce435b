namespace KernelVm.Layout
{
    /// <summary>
    /// One stretch of the kernel's virtual layout, [Start, Last] inclusive as the kernel's own
    /// layout documents write it (an exclusive end would not fit at the top of a 64-bit space).
    /// </summary>
    public sealed class MemoryRegion
    {
        internal MemoryRegion(RegionKind kind, string name, ulong start, ulong end, string description)
        {
            Kind = kind;
            Name = name;
            Start = start;
            Last = end - 1;
            Description = description;
        }

        public RegionKind Kind { get; }

        public string Name { get; }

        public ulong Start { get; }

        /// <summary>The last address in the region.</summary>
        public ulong Last { get; }

        public ulong Size => Last - Start + 1;

        /// <summary>What bounds the region, in the kernel's terms.</summary>
        public string Description { get; }

        public bool Contains(ulong address) => address >= Start && address <= Last;
    }
}
