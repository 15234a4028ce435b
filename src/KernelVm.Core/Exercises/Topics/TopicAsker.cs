namespace KernelVm.Exercises.Topics
{
    /// <summary>One topic: what it needs of a machine, and the question it asks the booted model.</summary>
    internal abstract class TopicAsker
    {
        /// <summary>Whether the machine must have high memory (pages above max_low_pfn and the pkmap area).</summary>
        internal virtual bool NeedsHighmem => false;

        /// <summary>Whether the kernel must have enum km_type (kmap_atomic() by type; not 6.x's kmap_local).</summary>
        internal virtual bool NeedsKmTypes => false;

        internal abstract ExerciseDraft Ask(Machine machine, SplitMix64 rng, ExerciseDifficulty difficulty);

        /// <summary>"X86Pae, kernel 2.6.24, VMSPLIT_2G, 3 GiB of RAM": the machine as a question states it.</summary>
        protected static string Describe(Machine machine) =>
            machine.Architecture + ", kernel " + machine.Kernel.Version + ", " + machine.VmSplit + ", "
            + ExerciseText.Size(machine.Config.MemorySize) + " of RAM"
            + (machine.Options.NrCpus > 1 ? ", NR_CPUS " + machine.Options.NrCpus : "");

        protected static string Hex(ulong value) => ExerciseText.Hex(value);

        /// <summary>A pfn of high memory, from the first 4096 of them.</summary>
        protected static ulong HighmemPfn(Machine machine, SplitMix64 rng) =>
            machine.HighStartPfn + rng.Below(System.Math.Min(machine.MaxPfn - machine.HighStartPfn, 4096UL));
    }
}
