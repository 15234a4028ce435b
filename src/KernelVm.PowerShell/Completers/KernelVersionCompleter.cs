using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using KernelVm.Profiles;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes -KernelVersion with the versions the model knows.</summary>
    public sealed class KernelVersionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            foreach (var profile in KernelProfile.All)
            {
                if (profile.Version.StartsWith(wordToComplete.Trim('\'', '"'), System.StringComparison.OrdinalIgnoreCase))
                {
                    yield return new CompletionResult(profile.Version, profile.Version, CompletionResultType.ParameterValue, profile.Book);
                }
            }
        }
    }
}
