using System.Collections.Generic;
using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>pkmap_count[]: every persistent kmap slot with its raw count, what the count means, and the page it holds.</summary>
    [Cmdlet(VerbsCommon.Get, "PkmapCount")]
    [OutputType(typeof(PkmapSlotInfo))]
    public sealed class GetPkmapCountCommand : MachineCommand
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, 1023)]
        [IntegerTransformation]
        public int[]? Slot { get; set; }

        /// <summary>Only slots whose count is not 0 (in use, or stale at count 1).</summary>
        [Parameter]
        public SwitchParameter InUse { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            var slots = machine.Read(StateReader.PkmapSlots);
            if (slots is null)
            {
                WriteError(CmdletErrors.NoHighmemRecord(machine));
                return;
            }

            foreach (var info in slots)
            {
                if ((Slot is null || System.Array.IndexOf(Slot, info.Slot) >= 0) && (!InUse || info.PkmapCount > 0))
                {
                    WriteObject(info);
                }
            }

            foreach (var slot in Slot ?? new int[0])
            {
                if (slot >= slots.Count)
                {
                    WriteError(CmdletErrors.SlotOutOfRange(slot, slots.Count));
                }
            }
        }
    }
}
