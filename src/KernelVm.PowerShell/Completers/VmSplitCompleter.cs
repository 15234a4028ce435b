using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using KernelVm.Layout;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes -VmSplit with the short names the docs use: 3G, 3G_OPT, 2G, 2G_OPT, 1G.</summary>
    public sealed class VmSplitCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completions.Matching(KernelNames.ShortNames<VmSplit>("VMSPLIT_").Select(n => (n, "CONFIG_VMSPLIT_" + n)), wordToComplete);
    }
}
