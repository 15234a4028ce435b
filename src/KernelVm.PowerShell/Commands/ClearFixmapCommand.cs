using System.Management.Automation;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>clear_fixmap(): clears a fixmap index's PTE and flushes it from the calling CPU's TLB.</summary>
    [Cmdlet(VerbsCommon.Clear, "Fixmap", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FixmapInfo))]
    [Alias("clear_fixmap")]
    public sealed class ClearFixmapCommand : FixmapWriteCommand
    {
        protected override void ProcessInput() => WriteEach("clear_fixmap", (machine, index) => machine.ClearFixmap(index, Cpu));
    }
}
