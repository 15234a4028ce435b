using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>set_fixmap() / set_fixmap_nocache(): points a fixmap index at a physical page.</summary>
    [Cmdlet(VerbsCommon.Set, "Fixmap", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FixmapInfo))]
    [Alias("set_fixmap")]
    public sealed class SetFixmapCommand : FixmapWriteCommand
    {
        /// <summary>The physical address; its low 12 bits are dropped, as the kernel drops them.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address PhysicalAddress { get; set; }

        /// <summary>set_fixmap_nocache(): PAGE_KERNEL_NOCACHE, which adds PCD (PCD|PWT in 6.x).</summary>
        [Parameter]
        public SwitchParameter NoCache { get; set; }

        protected override void ProcessInput() => WriteEach(
            (NoCache ? "set_fixmap_nocache " : "set_fixmap ") + Formatting.DisplayFormat.Hex(PhysicalAddress, 8),
            (machine, index) => machine.SetFixmap(index, PhysicalAddress, NoCache, Cpu));
    }
}
