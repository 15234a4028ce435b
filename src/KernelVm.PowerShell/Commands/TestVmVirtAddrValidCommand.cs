using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// virt_addr_valid() as this kernel defines it. In 2.6.24 it is only pfn_valid(__pa(v) >> PAGE_SHIFT),
    /// and __pa wraps, so vmalloc and user addresses can pass: the point of the exercise.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "VmVirtAddrValid")]
    [OutputType(typeof(VirtAddrValidity))]
    [OutputType(typeof(bool))]
    [Alias("virt_addr_valid")]
    public sealed class TestVmVirtAddrValidCommand : MachineCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address[] VirtualAddress { get; set; } = null!;

        /// <summary>Writes only the Boolean answer, as virt_addr_valid() returns it.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            foreach (var virt in VirtualAddress)
            {
                try
                {
                    var valid = machine.VirtAddrValid(virt);
                    WriteObject(Quiet ? valid : new VirtAddrValidity(machine, virt, valid));
                }
                catch (KernelVmException e)
                {
                    WriteModelError(e);
                }
            }
        }
    }
}
