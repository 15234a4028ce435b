using System.Linq;
using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>Where a kernel virtual address is and what maps it, like crash's vtop and drgn's identify_address.</summary>
    [Cmdlet(VerbsDiagnostic.Resolve, "VmAddress")]
    [OutputType(typeof(VmAddressResolution))]
    [Alias("vtop")]
    public sealed class ResolveVmAddressCommand : MachineCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        [Alias("Start")]
        public Address[] VirtualAddress { get; set; } = null!;

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            foreach (var virt in VirtualAddress)
            {
                try
                {
                    var walk = machine.Walk(virt).Select(s => new VmWalkStep(s)).ToArray();
                    WriteObject(new VmAddressResolution(machine, virt, machine.RegionOf(virt), machine.Translate(virt), walk, machine.Describe(virt)));
                }
                catch (KernelVmException e)
                {
                    WriteModelError(e);
                }
            }
        }
    }
}
