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
        private readonly Func<FixmapInputs, int> _count;

        internal FixmapSlotDefinition(string firstName, string? lastName, Func<FixmapInputs, int> count, bool bootTime = false)
        {
            FirstName = firstName;
            LastName = lastName;
            _count = count;
            BootTime = bootTime;
        }

        internal string FirstName { get; }

        internal string? LastName { get; }

        internal bool BootTime { get; }

        internal int Count(FixmapInputs inputs) => _count(inputs);

        internal static FixmapSlotDefinition Always(string name, bool bootTime = false) => new(name, null, _ => 1, bootTime);

        internal static FixmapSlotDefinition When(string name, Func<KernelConfig, bool> condition) => new(name, null, i => condition(i.Config) ? 1 : 0);
    }

    /// <summary>What the fixmap enum depends on: the config, whether HIGHMEM is on, and KM_TYPE_NR.</summary>
    internal readonly struct FixmapInputs
    {
        internal FixmapInputs(KernelConfig config, bool highMem, int kmTypeNr)
        {
            Config = config;
            HighMem = highMem;
            KmTypeNr = kmTypeNr;
        }

        internal KernelConfig Config { get; }

        internal bool HighMem { get; }

        internal int KmTypeNr { get; }
    }
}
