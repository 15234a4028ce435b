using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes -Cpu with the CPU numbers of the machine (0 to NR_CPUS - 1).</summary>
    public sealed class CpuCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var machine = Completions.MachineOf(fakeBoundParameters);
            var cpus = Enumerable.Range(0, machine?.Tlb.Cpus ?? 1).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Completions.Matching(cpus.Select(c => (c, "CPU " + c)), wordToComplete);
        }
    }
}
