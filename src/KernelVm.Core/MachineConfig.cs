using KernelVm.Layout;
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
    }
}
