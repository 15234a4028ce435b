using System.Management.Automation;
using KernelVm.Layout;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>Every region of the machine's virtual address space, bottom to top.</summary>
    [Cmdlet(VerbsCommon.Get, "VmLayout")]
    [OutputType(typeof(VmLayoutRegion))]
    public sealed class GetVmLayoutCommand : MachineCommand
    {
        /// <summary>Only regions of these kinds.</summary>
        [Parameter(Position = 0)]
        [EnumTransformation(typeof(RegionKind))]
        public RegionKind[]? Kind { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            foreach (var region in machine.Layout.Regions)
            {
                if (Kind is null || System.Array.IndexOf(Kind, region.Kind) >= 0)
                {
                    WriteObject(new VmLayoutRegion(machine, region));
                }
            }
        }
    }
}
