using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes -Name with the fixmap names of the machine's own enum (its config decides which exist).</summary>
    public sealed class FixmapNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var machine = Completions.MachineOf(fakeBoundParameters);
            var names = machine?.Fixmaps.Ranges.SelectMany(r => r.Count == 1 ? new[] { r.FirstName } : new[] { r.FirstName, r.LastName })
                ?? Enumerable.Empty<string>();
            return Completions.Matching(names.Select(n => (n, "index " + machine!.Fixmaps.IndexOf(n))), wordToComplete);
        }
    }
}
