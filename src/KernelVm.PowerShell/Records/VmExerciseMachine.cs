using KernelVm.Exercises;
using KernelVm.Layout;
using KernelVm.Profiles;

namespace KernelVm.PowerShell
{
    /// <summary>
    /// An exercise's machine, its properties named as New-VmMachine's parameters, so that
    /// <c>$exercise.Configuration | New-VmMachine</c> boots it.
    /// </summary>
    public sealed class VmExerciseMachine
    {
        internal VmExerciseMachine(ExerciseMachine machine)
        {
            Architecture = machine.Architecture;
            VmSplit = machine.VmSplit;
            MemorySize = machine.MemorySize;
            KernelVersion = machine.Kernel.Version;
            Config = machine.Config;
            NrCpus = machine.NrCpus;
        }

        public Architecture Architecture { get; }

        public VmSplit VmSplit { get; }

        public Address MemorySize { get; }

        public string KernelVersion { get; }

        /// <summary>The preset: R1 (UP) or R2 (SMP, APICs, ACPI, MMCONFIG).</summary>
        public string Config { get; }

        public int NrCpus { get; }

        /// <summary>One line, for Format-List and CSV: "X86Pae VMSPLIT_2G 3 GiB, kernel 2.6.24, R2, NR_CPUS 2".</summary>
        public override string ToString() =>
            Architecture + " " + VmSplit + " " + Formatting.DisplayFormat.Size(MemorySize) + ", kernel " + KernelVersion + ", " + Config + ", NR_CPUS " + NrCpus;
    }
}
