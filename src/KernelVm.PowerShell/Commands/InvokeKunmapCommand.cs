using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>kunmap(): drops a user of a page's persistent kmap; at count 1 it wakes the tasks waiting for a slot.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "Kunmap", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(KunmapResult))]
    [Alias("kunmap")]
    public sealed class InvokeKunmapCommand : KmapCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address[] Pfn { get; set; } = null!;

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            foreach (var pfn in Pfn)
            {
                if (!ShouldProcess("pfn " + Formatting.DisplayFormat.Pfn(pfn), "kunmap as " + Task))
                {
                    continue;
                }

                var from = machine.Events.NextSequence;
                try
                {
                    var outcome = machine.Kunmap(Task, pfn);
                    WriteStepsSince(machine, from);
                    WriteObject(new KunmapResult(machine, Task, outcome));
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
