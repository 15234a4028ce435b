using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using KernelVm.Profiles;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes -KernelOption with the Kconfig names the model knows, and -Config with the presets.</summary>
    public sealed class KernelOptionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completions.Matching((parameterName == "Config" ? KernelConfig.Presets.Keys : KernelConfig.OptionNames).Select(n => (n, n)), wordToComplete);
    }
}
