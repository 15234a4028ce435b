using KernelVm.Layout;
using KernelVm.Profiles;

namespace KernelVm.Exercises
{
    /// <summary>The machines each difficulty draws from. Changing a list changes what every seed means.</summary>
    internal static class ExerciseMachines
    {
        private const ulong MiB = 1UL << 20;
        private const ulong GiB = 1UL << 30;

        private static readonly ulong[] EasySizes = { 128 * MiB, 256 * MiB, 512 * MiB, 768 * MiB, 1 * GiB, 1536 * MiB, 2 * GiB, 3 * GiB, 4 * GiB };
        private static readonly ulong[] MediumSizes = { 256 * MiB, 512 * MiB, 1 * GiB, 1536 * MiB, 2 * GiB, 3 * GiB, 4 * GiB, 6 * GiB, 8 * GiB };
        private static readonly VmSplit[] Splits = { VmSplit.VMSPLIT_3G, VmSplit.VMSPLIT_3G_OPT, VmSplit.VMSPLIT_2G, VmSplit.VMSPLIT_2G_OPT, VmSplit.VMSPLIT_1G };
        private static readonly Architecture[] Architectures = { Architecture.X86, Architecture.X86Pae };
        private static readonly KernelProfile[] Kernels = { KernelProfile.V2_4_22, KernelProfile.V2_6_24, KernelProfile.V6 };
        private static readonly int[] SmpCpus = { 2, 4, 8 };

        internal static ExerciseMachine Draw(SplitMix64 rng, ExerciseDifficulty difficulty)
        {
            if (difficulty == ExerciseDifficulty.Easy)
            {
                return new ExerciseMachine { MemorySize = rng.Pick(EasySizes) };
            }

            var architecture = rng.Pick(Architectures);
            var split = rng.Pick(Splits);
            var smp = rng.Below(2) == 1;
            if (difficulty == ExerciseDifficulty.Medium)
            {
                var size = rng.Pick(MediumSizes);
                return new ExerciseMachine
                {
                    Architecture = architecture, VmSplit = split, MemorySize = size, Config = smp ? "R2" : "R1", NrCpus = smp ? 2 : 1,
                };
            }

            // Hard: any whole number of 64 MiB up to 4 GiB, or of 256 MiB up to 16 GiB with PAE.
            var memory = architecture == Architecture.X86Pae ? (ulong)(rng.Below(64) + 1) * 256 * MiB : (ulong)(rng.Below(64) + 1) * 64 * MiB;
            var kernel = rng.Pick(Kernels);
            var cpus = smp ? rng.Pick(SmpCpus) : 1;
            return new ExerciseMachine
            {
                Architecture = architecture,
                VmSplit = split,
                MemorySize = memory,
                Kernel = kernel,
                Config = smp ? "R2" : "R1",
                // 2.4.22 has no CONFIG_NR_CPUS: every SMP kernel has its threads.h value (the draw stays, so seeds keep their streams).
                NrCpus = smp ? kernel.SmpNrCpus ?? cpus : 1,
            };
        }
    }
}
