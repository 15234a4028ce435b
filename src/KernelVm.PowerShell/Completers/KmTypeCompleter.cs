using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using KernelVm.Profiles;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes -Type with the km_type names of the machine's kernel (2.6.24 by default).</summary>
    public sealed class KmTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var kernel = Completions.MachineOf(fakeBoundParameters)?.Kernel ?? KernelProfile.Default;
            return Completions.Matching(kernel.KmTypes.Select(t => (t, "km_type " + t)), wordToComplete);
        }
    }
}
