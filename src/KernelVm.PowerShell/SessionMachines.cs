using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace KernelVm.PowerShell
{
    /// <summary>
    /// The machines created in one runspace. The default one (the most recently created or chosen)
    /// is what -Machine defaults to. Keyed by runspace so that parallel runspaces (tests, jobs) never
    /// see each other's machines. Importing the module again starts the runspace's session afresh.
    /// </summary>
    internal sealed class SessionMachines
    {
        private static readonly ConditionalWeakTable<Runspace, SessionMachines> PerRunspace = new();

        private readonly List<Machine> _machines = new();

        internal static SessionMachines Current => PerRunspace.GetValue(Runspace.DefaultRunspace, _ => new SessionMachines());

        /// <summary>The machine -Machine defaults to: the last one added or made the default.</summary>
        internal Machine? Default => _machines.Count == 0 ? null : _machines[_machines.Count - 1];

        /// <summary>Adds a machine, or moves one already here, as the new default.</summary>
        internal void MakeDefault(Machine machine)
        {
            _machines.Remove(machine);
            _machines.Add(machine);
        }

        /// <summary>Forgets a machine; the previous default becomes the default again.</summary>
        internal void Remove(Machine machine) => _machines.Remove(machine);

        internal void Clear() => _machines.Clear();

        /// <summary>The machines whose names match a pattern (wildcards allowed, case ignored), oldest first.</summary>
        internal List<Machine> Matching(string pattern)
        {
            var wildcard = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase);
            return _machines.FindAll(m => wildcard.IsMatch(m.Name));
        }

        /// <summary>What -Machine names: a machine itself, or the name of one in this session; null when neither.</summary>
        internal Machine? Resolve(object? value) => (value is PSObject pso ? pso.BaseObject : value) switch
        {
            Machine machine => machine,
            string name => Find(name),
            _ => null,
        };

        internal Machine? Find(string name) => _machines.Find(m => string.Equals(m.Name, name, System.StringComparison.OrdinalIgnoreCase));

        /// <summary>A name not yet taken in this session: vm0, vm1, ...</summary>
        internal string NextName()
        {
            for (var i = 0; ; i++)
            {
                var name = "vm" + i;
                if (Find(name) is null)
                {
                    return name;
                }
            }
        }
    }
}
