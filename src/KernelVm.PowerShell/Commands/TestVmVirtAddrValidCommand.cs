using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// virt_addr_valid() as this kernel defines it. In 2.6.24 it is only pfn_valid(__pa(v) >> PAGE_SHIFT),
    /// and __pa wraps, so vmalloc and user addresses can pass: the point of the exercise.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "VmVirtAddrValid")]
    [OutputType(typeof(bool))]
    [Alias("virt_addr_valid")]
    public sealed class TestVmVirtAddrValidCommand : MachineCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public ulong[] VirtualAddress { get; set; } = null!;

        protected override void ProcessRecord()
        {
            var machine = TargetMachine;
            foreach (var virt in VirtualAddress)
            {
                try
                {
                    WriteObject(machine.VirtAddrValid(virt));
                }
                catch (KernelVmException e)
                {
                    WriteModelError(e);
                }
            }
        }
    }
}
