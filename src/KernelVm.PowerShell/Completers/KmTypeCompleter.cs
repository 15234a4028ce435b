using System.Collections.Generic;
using System.Linq;
using KernelVm.Profiles;

namespace KernelVm.PowerShell.Completers
{
    /// <summary>Completes -Type with the km_type names of the machine's kernel (2.6.24 by default).</summary>
    public sealed class KmTypeCompleter : MachineValueCompleter
    {
        protected override IEnumerable<(string Name, string ToolTip)> Candidates(Machine? machine) =>
            (machine?.Kernel ?? KernelProfile.Default).KmTypes.Select(t => (t, "km_type " + t));
    }
}
