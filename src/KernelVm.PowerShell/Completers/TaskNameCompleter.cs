using System.Collections.Generic;
using System.Linq;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes task names (-Task, Get-VmTask and Stop-VmTask -Name) with the machine's tasks; task0 when it has none yet.</summary>
    public sealed class TaskNameCompleter : MachineValueCompleter
    {
        protected override IEnumerable<(string Name, string ToolTip)> Candidates(Machine? machine) =>
            machine?.Read(m => m.Tasks.Select(t => (t.Name, "CPU " + t.Cpu + ", " + t.State)).ToList()) is { Count: > 0 } tasks
                ? tasks
                : new List<(string, string)> { (Machine.DefaultTask, "the default task") };
    }
}
