using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// kunmap_atomic(): clears a CPU's km_type slot and flushes it from that CPU's TLB only; in 6.x,
    /// kunmap_local() and then page faults and preemption back on.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "KunmapAtomic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(bool))]
    [Alias("kunmap_atomic")]
    public sealed class InvokeKunmapAtomicCommand : AtomicSlotCommand
    {
        /// <summary>The address kmap_atomic() returned.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address VirtualAddress { get; set; }

        /// <summary>Write whether a PTE was cleared.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            if (!ShouldProcess(Formatting.DisplayFormat.Hex(VirtualAddress, 8), "kunmap_atomic" + (KmType is null ? "" : " " + KmType)))
            {
                return;
            }

            var from = machine.Events.NextSequence;
            try
            {
                var cleared = machine.KunmapAtomic(Task, Cpu, KmType, VirtualAddress);
                WriteStepsSince(machine, from);
                if (PassThru)
                {
                    WriteObject(cleared);
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
