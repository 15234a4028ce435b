namespace KernelVm.Profiles
{
    /// <summary>The CPUID features the kernel's page-table setup looks at.</summary>
    public sealed record CpuFeatures
    {
        /// <summary>PSE: 4 MiB (2 MiB with PAE) pages, used for the direct map.</summary>
        public bool Pse { get; init; } = true;

        /// <summary>PGE: global pages; pagetable_init ORs _PAGE_GLOBAL into PAGE_KERNEL.</summary>
        public bool Pge { get; init; } = true;

        /// <summary>NX (CPUID 0x80000001 EDX bit 20): with PAE, set_nx() lets PTEs carry bit 63.</summary>
        public bool Nx { get; init; } = true;
    }
}
