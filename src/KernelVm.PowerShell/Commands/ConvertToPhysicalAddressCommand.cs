using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>__pa(): direct-map virtual addresses to physical addresses.</summary>
    [Cmdlet(VerbsData.ConvertTo, "PhysicalAddress")]
    [OutputType(typeof(AddressTranslation))]
    [Alias("__pa", "virt_to_phys")]
    public sealed class ConvertToPhysicalAddressCommand : MachineCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address[] VirtualAddress { get; set; } = null!;

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            foreach (var virt in VirtualAddress)
            {
                try
                {
                    WriteObject(new AddressTranslation(machine, virt, machine.Pa(virt)));
                }
                catch (KernelVmException e)
                {
                    WriteModelError(e);
                }
            }
        }
    }
}
