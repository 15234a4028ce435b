using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>What every completer does last: keep the names that start with what was typed (quotes ignored).</summary>
    internal static class Completions
    {
        /// <summary>The machine a command line names with -Machine (a machine or its name), else the session's default.</summary>
        internal static Machine? MachineOf(IDictionary fakeBoundParameters) =>
            SessionMachines.Current.Resolve(fakeBoundParameters["Machine"]) ?? SessionMachines.Current.Default;

        internal static IEnumerable<CompletionResult> Matching(IEnumerable<(string Name, string ToolTip)> candidates, string wordToComplete)
        {
            var prefix = wordToComplete.Trim('\'', '"');
            foreach (var (name, toolTip) in candidates)
            {
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, toolTip);
                }
            }
        }
    }
}
