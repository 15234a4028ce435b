using System.Management.Automation;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>kmap_local_page() (6.x): pushes a fixmap slot on the task's kmap_local stack and maps the page there.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "KmapLocal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(KmapLocalResult))]
    [Alias("kmap_local_page")]
    public sealed class InvokeKmapLocalCommand : KmapCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address[] Pfn { get; set; } = null!;

        /// <summary>The CPU the task runs on (smp_processor_id()); by default the task's CPU.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IntegerTransformation]
        [ArgumentCompleter(typeof(CpuCompleter))]
        public int? Cpu { get; set; }

        /// <summary>Then touch the mapping from that CPU, which loads its TLB entry.</summary>
        [Parameter]
        public SwitchParameter Touch { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            foreach (var pfn in Pfn)
            {
                if (!ShouldProcess("pfn " + Formatting.DisplayFormat.Pfn(pfn), "kmap_local_page as " + Task))
                {
                    continue;
                }

                var from = machine.Events.NextSequence;
                try
                {
                    var outcome = machine.KmapLocalPage(Task, Cpu, pfn);
                    WriteStepsSince(machine, from);
                    WriteObject(new KmapLocalResult(machine, outcome));
                    if (Touch)
                    {
                        TouchAddress(machine, outcome.VirtualAddress, outcome.Cpu);
                    }
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
