namespace KernelVm.Physical
{
    /// <summary>One range of the BIOS memory map, [Start, Start + Size) bytes, as struct e820entry holds it.</summary>
    public sealed record E820Entry(ulong Start, ulong Size, E820Type Type)
    {
        /// <summary>The first byte after the range.</summary>
        public ulong End => Start + Size;
    }
}
