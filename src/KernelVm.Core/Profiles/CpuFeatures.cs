using System;

namespace KernelVm.Profiles
{
    /// <summary>The CPUID features the kernel's page-table setup looks at.</summary>
    [Flags]
    public enum CpuFeature
    {
        None = 0,
        /// <summary>PSE: 4 MiB (2 MiB with PAE) pages, used for the direct map.</summary>
        PSE = 1,
        /// <summary>PGE: global pages; pagetable_init() ORs _PAGE_GLOBAL into PAGE_KERNEL.</summary>
        PGE = 2,
        /// <summary>NX (CPUID 0x80000001 EDX bit 20): with PAE, set_nx() lets PTEs carry bit 63.</summary>
        NX = 4,
        /// <summary>
        /// GBPAGES (CPUID 0x80000001 EDX bit 26, pdpe1gb): 1 GiB pages. x86-64 6.x maps the direct map with them
        /// (probe_page_size_mask(), CONFIG_X86_DIRECT_GBPAGES); 2.6.24 predates them (2.6.26) and i386 never uses them.
        /// </summary>
        GBPAGES = 8,
        All = PSE | PGE | NX | GBPAGES,
    }

    /// <summary>The CPU a machine has.</summary>
    public sealed record CpuFeatures
    {
        public CpuFeatures(CpuFeature features = CpuFeature.All)
        {
            Features = features;
        }

        public CpuFeature Features { get; }

        public bool Pse => (Features & CpuFeature.PSE) != 0;

        public bool Pge => (Features & CpuFeature.PGE) != 0;

        public bool Nx => (Features & CpuFeature.NX) != 0;

        public bool Gbpages => (Features & CpuFeature.GBPAGES) != 0;

        public override string ToString() => Features.ToString();
    }
}
