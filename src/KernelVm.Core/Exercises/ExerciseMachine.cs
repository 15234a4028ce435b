using KernelVm.Layout;
using KernelVm.Profiles;

namespace KernelVm.Exercises
{
    /// <summary>The machine an exercise is about, in the terms New-VmMachine takes.</summary>
    public sealed record ExerciseMachine
    {
        public Architecture Architecture { get; init; } = Architecture.X86;

        public VmSplit VmSplit { get; init; } = VmSplit.VMSPLIT_3G;

        public ulong MemorySize { get; init; }

        public KernelProfile Kernel { get; init; } = KernelProfile.Default;

        /// <summary>A preset name: R1 (UP) or R2 (SMP, APICs, ACPI, MMCONFIG).</summary>
        public string Config { get; init; } = "R1";

        public int NrCpus { get; init; } = 1;

        public MachineConfig ToMachineConfig() => new()
        {
            Name = "exercise",
            Architecture = Architecture,
            VmSplit = VmSplit,
            MemorySize = MemorySize,
            Kernel = Kernel,
            Options = KernelConfig.Presets[Config] with { NrCpus = NrCpus },
        };
    }
}
