using System.Collections.Generic;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace KernelVm.PowerShell
{
    /// <summary>
    /// The machines created in one runspace. The most recent one is what -Machine defaults to.
    /// Keyed by runspace so that parallel runspaces (tests, jobs) never see each other's machines.
    /// </summary>
    internal sealed class SessionMachines
    {
        private static readonly ConditionalWeakTable<Runspace, SessionMachines> PerRunspace = new();

        private readonly List<Machine> _machines = new();

        internal static SessionMachines Current => PerRunspace.GetValue(Runspace.DefaultRunspace, _ => new SessionMachines());

        internal IReadOnlyList<Machine> All => _machines;

        internal Machine? Latest => _machines.Count == 0 ? null : _machines[_machines.Count - 1];

        internal void Add(Machine machine)
        {
            _machines.Remove(machine);
            _machines.Add(machine);
        }

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
