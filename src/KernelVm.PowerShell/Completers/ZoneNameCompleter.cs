using System.Collections.Generic;
using System.Linq;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes zone names (Get-VmZone -Name, Get-VmPage -Zone) with the zones the machine has.</summary>
    public sealed class ZoneNameCompleter : MachineValueCompleter
    {
        protected override IEnumerable<(string Name, string ToolTip)> Candidates(Machine? machine) =>
            (machine?.Memory.Zones.Select(z => z.Name).Distinct() ?? Enumerable.Empty<string>())
                .Select(z => (z, "ZONE_" + z.ToUpperInvariant()));
    }
}
