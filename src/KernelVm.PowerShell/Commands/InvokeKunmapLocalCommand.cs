using System.Management.Automation;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>kunmap_local() (6.x): pops the top of the task's kmap_local stack, clears its PTE and flushes the address on this CPU.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "KunmapLocal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(KunmapLocalResult))]
    [Alias("kunmap_local")]
    public sealed class InvokeKunmapLocalCommand : KmapCommand
    {
        /// <summary>The address kmap_local_page() returned, or any address inside that page.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address[] VirtualAddress { get; set; } = null!;

        /// <summary>The CPU the task runs on; by default the task's CPU.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IntegerTransformation]
        [ArgumentCompleter(typeof(CpuCompleter))]
        public int? Cpu { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            foreach (var vaddr in VirtualAddress)
            {
                if (!ShouldProcess(Formatting.DisplayFormat.Hex(vaddr, 8), "kunmap_local as " + Task))
                {
                    continue;
                }

                var from = machine.Events.NextSequence;
                try
                {
                    var outcome = machine.KunmapLocal(Task, Cpu, vaddr);
                    WriteStepsSince(machine, from);
                    WriteObject(new KunmapLocalResult(machine, Task, machine.TaskCpu(Task), outcome));
                }
                catch (KernelVmException e)
                {
                    WriteStepsSince(machine, from);
                    WriteModelError(e);
                }
            }
        }
    }
}
