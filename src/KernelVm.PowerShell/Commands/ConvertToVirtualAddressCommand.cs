using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>__va(): lowmem physical addresses to their direct-map virtual addresses.</summary>
    [Cmdlet(VerbsData.ConvertTo, "VirtualAddress")]
    [OutputType(typeof(AddressTranslation))]
    [Alias("__va", "phys_to_virt")]
    public sealed class ConvertToVirtualAddressCommand : MachineCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address[] PhysicalAddress { get; set; } = null!;

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            foreach (var phys in PhysicalAddress)
            {
                try
                {
                    WriteObject(new AddressTranslation(machine, machine.Va(phys), phys));
                }
                catch (KernelVmException e)
                {
                    WriteModelError(e);
                }
            }
        }
    }
}
