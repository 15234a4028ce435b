using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>set_fixmap() / set_fixmap_nocache(): points a fixmap index at a physical page.</summary>
    [Cmdlet(VerbsCommon.Set, "Fixmap", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FixmapInfo))]
    [Alias("set_fixmap")]
    public sealed class SetFixmapCommand : FixmapCommand
    {
        /// <summary>The physical address; its low 12 bits are dropped, as the kernel drops them.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public ulong PhysicalAddress { get; set; }

        /// <summary>set_fixmap_nocache(): PAGE_KERNEL_NOCACHE, which adds PCD.</summary>
        [Parameter]
        public SwitchParameter NoCache { get; set; }

        /// <summary>The CPU that runs set_fixmap(): only its TLB is flushed.</summary>
        [Parameter]
        public int Cpu { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var machine = TargetMachine;
            foreach (var index in SelectedIndices(machine))
            {
                if (!ShouldProcess("fixmap index " + index, (NoCache ? "set_fixmap_nocache " : "set_fixmap ") + Formatting.DisplayFormat.Hex(PhysicalAddress, 8)))
                {
                    continue;
                }

                try
                {
                    var slot = machine.SetFixmap(index, PhysicalAddress, NoCache, Cpu);
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
