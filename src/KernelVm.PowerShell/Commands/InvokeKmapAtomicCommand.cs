using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// kmap_atomic(): maps a page in a CPU's fixmap slot for a km_type, without sleeping; in 6.x, preemption and
    /// page faults off around kmap_local_page().
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "KmapAtomic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(KmapAtomicResult))]
    [Alias("kmap_atomic")]
    public sealed class InvokeKmapAtomicCommand : AtomicSlotCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address Pfn { get; set; }

        /// <summary>Then touch the mapping from that CPU, which loads its TLB entry.</summary>
        [Parameter]
        public SwitchParameter Touch { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            if (!ShouldProcess("pfn " + Formatting.DisplayFormat.Pfn(Pfn), "kmap_atomic" + (KmType is null ? "" : " " + KmType)))
            {
                return;
            }

            var from = machine.Events.NextSequence;
            try
            {
                var cpu = Cpu ?? machine.TaskCpu(Task);
                var vaddr = machine.KmapAtomic(Task, cpu, KmType, Pfn);
                WriteStepsSince(machine, from);
                WriteObject(new KmapAtomicResult(machine, Task, cpu, KmType?.ToUpperInvariant(), Pfn, vaddr, machine.KmapFixmapIndex(vaddr)));
                if (Touch)
                {
                    TouchAddress(machine, vaddr, cpu);
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
