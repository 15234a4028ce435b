namespace KernelVm.Layout
{
    /// <summary>The i386 layout values that do not depend on RAM, computed before MAXMEM (which 6.x derives from VMALLOC_END).</summary>
    internal sealed class LayoutConstants
    {
        internal ulong FixaddrTop { get; init; }
        internal ulong FixaddrStart { get; init; }
        internal ulong FixaddrBootStart { get; init; }
        internal int LastPkmap { get; init; }
        internal ulong PmdMask { get; init; }
        internal int CeaPages { get; set; }
        internal ulong? CeaBase { get; set; }
        internal ulong? LdtBase { get; set; }
        internal ulong? PkmapBase { get; set; }
        internal ulong VmallocEnd { get; set; }
    }
}
