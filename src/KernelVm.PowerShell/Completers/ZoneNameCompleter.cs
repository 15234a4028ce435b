using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes zone names (Get-VmZone -Name, Get-VmPage -Zone) with the zones the machine has.</summary>
    public sealed class ZoneNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var machine = Completions.MachineOf(fakeBoundParameters);
            var zones = machine?.Memory.Zones.Select(z => z.Name).Distinct() ?? Enumerable.Empty<string>();
            return Completions.Matching(zones.Select(z => (z, "ZONE_" + z.ToUpperInvariant())), wordToComplete);
        }
    }
}
