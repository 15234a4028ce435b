using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes the names of this session's machines, the default one first.</summary>
    public sealed class MachineNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var machines = SessionMachines.Current.Matching("*");
            machines.Reverse();
            return Completions.Matching(machines.Select(m => (m.Name, m.Architecture + ", kernel " + m.Kernel + ", " + m.VmSplit)), wordToComplete);
        }
    }
}
