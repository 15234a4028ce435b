using System.Management.Automation;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>A CPU touches kernel virtual addresses: through its TLB if cached, else by a page-table walk that loads the TLB.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "VmAccess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(VmAccessResult))]
    public sealed class InvokeVmAccessCommand : KmapCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address[] VirtualAddress { get; set; } = null!;

        /// <summary>The CPU that makes the access; by default the task's CPU.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IntegerTransformation]
        [ArgumentCompleter(typeof(CpuCompleter))]
        public int? Cpu { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            foreach (var vaddr in VirtualAddress)
            {
                if (!ShouldProcess(Formatting.DisplayFormat.Hex(vaddr, 8), "access as " + Task))
                {
                    continue;
                }

                var from = machine.Events.NextSequence;
                try
                {
                    var cpu = Cpu ?? machine.TaskCpu(Task);
                    var (physical, hit) = machine.Access(Task, cpu, vaddr);
                    WriteStepsSince(machine, from);
                    WriteObject(new VmAccessResult(machine, Task, cpu, vaddr, physical, hit));
                }
                catch (KernelVmException e)
                {
                    WriteModelError(e);
                }
            }
        }
    }
}
