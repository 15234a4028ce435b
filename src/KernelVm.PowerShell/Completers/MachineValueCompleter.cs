using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>
    /// The base of the completers whose values come from a machine: the one -Machine names on the
    /// command line (a machine or its name), else the session's default; null when there is none.
    /// </summary>
    public abstract class MachineValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completions.Matching(Candidates(Completions.MachineOf(fakeBoundParameters)), wordToComplete);

        /// <summary>The values and their tooltips.</summary>
        protected abstract IEnumerable<(string Name, string ToolTip)> Candidates(Machine? machine);
    }
}
