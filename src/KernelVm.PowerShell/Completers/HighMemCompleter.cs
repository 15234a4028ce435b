using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using KernelVm.PowerShell.Transforms;
using KernelVm.Profiles;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes -HighMem with the names the docs use: None, 4G, 64G.</summary>
    public sealed class HighMemCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completions.Matching(
                KernelNames.ShortNames<HighMemSupport>("HighMem").Select(n => (n, n == "None" ? "CONFIG_NOHIGHMEM" : "CONFIG_HIGHMEM" + n)),
                wordToComplete);
    }
}
