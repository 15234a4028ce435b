using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using KernelVm.Profiles;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes -KernelVersion with the versions the model knows.</summary>
    public sealed class KernelVersionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completions.Matching(KernelProfile.All.Select(p => (p.Version, p.Book)), wordToComplete);
    }
}
