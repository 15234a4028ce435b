using System.Management.Automation;
using KernelVm.PowerShell.Transforms;
using KernelVm.Trace;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>Every step the kernel took, in order: slots chosen, wraps, flushes, hash changes, sleeps, wake-ups.</summary>
    [Cmdlet(VerbsCommon.Get, "VmEvent")]
    [OutputType(typeof(VmEventInfo))]
    public sealed class GetVmEventCommand : MachineCommand
    {
        /// <summary>Only the most recent N events.</summary>
        [Parameter(Position = 0)]
        [ValidateRange(1, EventLog.Capacity)]
        [IntegerTransformation]
        public int Last { get; set; } = EventLog.Capacity;

        /// <summary>Only events from this sequence number on (a Sequence kept from an earlier event).</summary>
        [Parameter]
        [IntegerTransformation]
        public long Since { get; set; }

        [Parameter]
        [EnumTransformation(typeof(EventKind))]
        public EventKind[]? Kind { get; set; }

        protected override void ProcessInput()
        {
            if (Since < 0)
            {
                ThrowTerminatingError(CmdletErrors.SequenceNegative(Since));
            }

            var machine = TargetMachine;
            var events = machine.Read(m => m.Events.Since(System.Math.Max(Since, m.Events.NextSequence - Last)));
            foreach (var e in events)
            {
                if (Kind is null || System.Array.IndexOf(Kind, e.Kind) >= 0)
                {
                    WriteObject(new VmEventInfo(machine, e));
                }
            }
        }
    }
}
