namespace KernelVm.Physical
{
    /// <summary>The physical memory [Start, End) of one NUMA node, in bytes.</summary>
    public sealed record NodeRange(ulong Start, ulong End);
}
