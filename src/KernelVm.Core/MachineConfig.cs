using System.Collections.Generic;
using KernelVm.Layout;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm
{
    /// <summary>What a machine is built from: the hardware and the kernel's configuration.</summary>
    public sealed record MachineConfig
    {
        public string Name { get; init; } = "vm0";

        public Architecture Architecture { get; init; } = Architecture.X86;

        public VmSplit VmSplit { get; init; } = VmSplit.VMSPLIT_3G;

        /// <summary>Bytes of RAM, contiguous from physical address 0.</summary>
        public ulong MemorySize { get; init; } = 1UL << 30;

        public KernelProfile Kernel { get; init; } = KernelProfile.Default;

        /// <summary>The "High Memory Support" choice; null means the Kconfig default for the architecture.</summary>
        public HighMemSupport? HighMem { get; init; }

        /// <summary>The configuration options that shape the layout.</summary>
        public KernelConfig Options { get; init; } = KernelConfig.R1;

        public CpuFeatures Cpu { get; init; } = new();

        public BootOptions Boot { get; init; } = new();

        /// <summary>
        /// The BIOS memory map; null for one usable range of <see cref="MemorySize"/> bytes from 0.
        /// When set, the map decides the RAM and MemorySize holds the total of its usable ranges.
        /// </summary>
        public IReadOnlyList<E820Entry>? E820 { get; init; }

        /// <summary>
        /// sizeof(struct page) when the kernel's build differs from the model's field count (debug options,
        /// memcg); null for the profile's value.
        /// </summary>
        public ulong? StructPageSize { get; init; }

        /// <summary>NUMA nodes' physical ranges; empty for a UMA machine (contig_page_data).</summary>
        public IReadOnlyList<NodeRange> Nodes { get; init; } = System.Array.Empty<NodeRange>();

        /// <summary>
        /// The kernel image from _text to the end of its bootmem bitmap, loaded at 1 MiB. A model
        /// assumption (real sizes depend on the config); it decides which low pages boot keeps reserved.
        /// </summary>
        public ulong KernelImageSize { get; init; } = 4UL << 20;

        /// <summary>The image's section boundaries; null for <see cref="KernelSections.Default"/> of the image size.</summary>
        public KernelSections? KernelSections { get; init; }

        /// <summary>How many events the machine's event log keeps (a simulator setting, rounded up to a power of two).</summary>
        public int EventLogCapacity { get; init; } = Trace.EventLog.DefaultCapacity;
    }
}
