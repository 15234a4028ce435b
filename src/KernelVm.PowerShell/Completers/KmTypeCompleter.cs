using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using KernelVm.Profiles;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes -Type with the km_type names of the session machine's kernel (2.6.24 by default).</summary>
    public sealed class KmTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var kernel = (fakeBoundParameters["Machine"] as Machine)?.Kernel ?? SessionMachines.Current.Latest?.Kernel ?? KernelProfile.Default;
            var prefix = wordToComplete.Trim('\'', '"');
            foreach (var type in kernel.KmTypes)
            {
                if (type.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                {
                    yield return new CompletionResult(type, type, CompletionResultType.ParameterValue, "km_type " + type);
                }
            }
        }
    }
}
