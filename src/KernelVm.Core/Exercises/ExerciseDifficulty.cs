namespace KernelVm.Exercises
{
    /// <summary>How wide the configuration space is. The values are part of every seed's meaning: never reorder them.</summary>
    public enum ExerciseDifficulty
    {
        /// <summary>X86, kernel 2.6.24, VMSPLIT_3G, one CPU.</summary>
        Easy,
        /// <summary>X86 or X86Pae, every split Kconfig allows, one CPU or R2's SMP.</summary>
        Medium,
        /// <summary>Also kernels 2.4.22 and 6.17, NR_CPUS 2 to 8 and more RAM.</summary>
        Hard,
    }
}
