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
            var slots = machine.Read(m => Snapshot(m));
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

        /// <summary>All slots at one instant, under kmap_lock.</summary>
        private static List<PkmapSlotInfo>? Snapshot(Machine machine)
        {
            var pkmap = machine.Pkmap;
            if (pkmap is null)
            {
                return null;
            }

            var list = new List<PkmapSlotInfo>(pkmap.LastPkmap);
            for (var i = 0; i < pkmap.LastPkmap; i++)
            {
                var pfn = pkmap.PfnAt(i);
                list.Add(new PkmapSlotInfo(machine, i, pkmap.Address(i), pkmap.Count(i), pfn, pfn is { } p ? machine.Memory.PfnToPage(p) : null));
            }

            return list;
        }
    }
}
