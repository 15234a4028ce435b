using System.Collections;
using System.Collections.Generic;
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
            var machine = fakeBoundParameters["Machine"] as Machine ?? SessionMachines.Current.Latest;
            if (machine is null)
            {
                yield break;
            }

            var prefix = wordToComplete.Trim('\'', '"');
            foreach (var range in machine.Fixmaps.Ranges)
            {
                foreach (var name in range.Count == 1 ? new[] { range.FirstName } : new[] { range.FirstName, range.LastName })
                {
                    if (name.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                    {
                        yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, "index " + machine.Fixmaps.IndexOf(name));
                    }
                }
            }
        }
    }
}
