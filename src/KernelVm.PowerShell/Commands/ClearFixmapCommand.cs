using System.Management.Automation;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>clear_fixmap(): clears a fixmap index's PTE and flushes it from the calling CPU's TLB.</summary>
    [Cmdlet(VerbsCommon.Clear, "Fixmap", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FixmapInfo))]
    [Alias("clear_fixmap")]
    public sealed class ClearFixmapCommand : FixmapCommand
    {
        /// <summary>The CPU that runs clear_fixmap(): only its TLB is flushed.</summary>
        [Parameter]
        public int Cpu { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var machine = TargetMachine;
            foreach (var index in SelectedIndices(machine))
            {
                if (!ShouldProcess("fixmap index " + index, "clear_fixmap"))
                {
                    continue;
                }

                try
                {
                    var slot = machine.ClearFixmap(index, Cpu);
                    if (PassThru)
                    {
                        WriteObject(new FixmapInfo(machine, slot));
                    }
                }
                catch (KernelVmException e)
                {
                    WriteModelError(e);
                }
            }
        }
    }
}
