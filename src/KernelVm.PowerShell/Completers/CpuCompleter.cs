using System.Collections.Generic;
using System.Linq;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes -Cpu with the CPU numbers of the machine (0 to NR_CPUS - 1).</summary>
    public sealed class CpuCompleter : MachineValueCompleter
    {
        protected override IEnumerable<(string Name, string ToolTip)> Candidates(Machine? machine) =>
            Enumerable.Range(0, machine?.Tlb.Cpus ?? 1)
                .Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Select(c => (c, "CPU " + c));
    }
}
