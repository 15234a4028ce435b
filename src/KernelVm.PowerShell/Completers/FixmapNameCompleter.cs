using System.Collections.Generic;
using System.Linq;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes -Name with the fixmap names of the machine's own enum (its config decides which exist).</summary>
    public sealed class FixmapNameCompleter : MachineValueCompleter
    {
        protected override IEnumerable<(string Name, string ToolTip)> Candidates(Machine? machine) =>
            machine is null
                ? Enumerable.Empty<(string, string)>()
                : machine.Fixmaps.Ranges
                    .SelectMany(r => r.Count == 1 ? new[] { r.FirstName } : new[] { r.FirstName, r.LastName })
                    .Select(n => (n, "index " + machine.Fixmaps.IndexOf(n)));
    }
}
