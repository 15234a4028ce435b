using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes task names (-Task, Get-VmTask and Stop-VmTask -Name) with the machine's tasks; task0 when it has none yet.</summary>
    public sealed class TaskNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var machine = Completions.MachineOf(fakeBoundParameters);
            var tasks = machine?.Read(m => m.Tasks.Select(t => (t.Name, "CPU " + t.Cpu + ", " + t.State)).ToList());
            return Completions.Matching(tasks is { Count: > 0 } ? tasks : new List<(string, string)> { (Machine.DefaultTask, "the default task") }, wordToComplete);
        }
    }
}
