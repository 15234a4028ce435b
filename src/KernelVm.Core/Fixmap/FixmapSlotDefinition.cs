using System;
using KernelVm.Profiles;

namespace KernelVm.Fixmap
{
    /// <summary>
    /// One line of a kernel version's enum fixed_addresses: its name(s), and how many indices it
    /// takes under a configuration (0 when its #ifdef is off).
    /// </summary>
    internal sealed class FixmapSlotDefinition
    {
        private readonly Func<FixmapInputs, int, int> _count;

        internal FixmapSlotDefinition(string firstName, string? lastName, Func<FixmapInputs, int> count, bool bootTime = false)
            : this(firstName, lastName, (inputs, _) => count(inputs), bootTime)
        {
        }

        /// <param name="count">The indices the line takes, given the inputs and the index it starts at.</param>
        internal FixmapSlotDefinition(string? firstName, string? lastName, Func<FixmapInputs, int, int> count, bool bootTime)
        {
            FirstName = firstName;
            LastName = lastName;
            _count = count;
            BootTime = bootTime;
        }

        /// <summary>Null for unnamed padding (indices the enum skips to align the next line).</summary>
        internal string? FirstName { get; }

        internal string? LastName { get; }

        internal bool BootTime { get; }

        internal int Count(FixmapInputs inputs, int index) => _count(inputs, index);

        internal static FixmapSlotDefinition Always(string name, bool bootTime = false) => new(name, null, _ => 1, bootTime);

        internal static FixmapSlotDefinition When(string name, Func<KernelConfig, bool> condition) => new(name, null, i => condition(i.Config) ? 1 : 0);

        /// <summary>Unnamed indices that move the next line to the index <paramref name="target"/> computes from the current one.</summary>
        internal static FixmapSlotDefinition PadTo(Func<FixmapInputs, int, int> target, bool bootTime = false) =>
            new(null, null, (inputs, index) => target(inputs, index) - index, bootTime);
    }

    /// <summary>What the fixmap enum depends on: the config, whether HIGHMEM is on, and KM_TYPE_NR.</summary>
    internal readonly struct FixmapInputs
    {
        internal FixmapInputs(KernelConfig config, bool highMem, int kmTypeNr, int ptrsPerPte)
        {
            Config = config;
            HighMem = highMem;
            KmTypeNr = kmTypeNr;
            PtrsPerPte = ptrsPerPte;
        }

        /// <summary>PTRS_PER_PTE: 1024 without PAE, 512 with PAE and on x86-64.</summary>
        internal int PtrsPerPte { get; }

        internal KernelConfig Config { get; }

        internal bool HighMem { get; }

        internal int KmTypeNr { get; }
    }
}
