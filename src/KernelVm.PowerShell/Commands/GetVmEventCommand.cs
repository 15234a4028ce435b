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
        /// <summary>Only the most recent N events (at most what the machine's log holds).</summary>
        [Parameter(Position = 0)]
        [ValidateRange(1, int.MaxValue)]
        [IntegerTransformation]
        public int Last { get; set; } = int.MaxValue;

        /// <summary>Only events from this sequence number on: a machine's Events.NextSequence kept earlier, or an event's Sequence.</summary>
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
            var (events, lost) = machine.Read(m =>
            {
                var from = System.Math.Max(Since, m.Events.NextSequence - Last);
                return (m.Events.Since(from), m.Events.LostSince(from));
            });

            // A kept sequence number asks for everything since: say what the ring no longer holds rather than return less in silence.
            if (lost > 0 && MyInvocation.BoundParameters.ContainsKey(nameof(Since)))
            {
                WriteWarning(lost + " event(s) from sequence " + Since + " on were overwritten before this read: the log of machine " + machine.Name
                    + " keeps the last " + machine.Events.Capacity + ". Read more often, or make the machine with a larger New-VmMachine -EventLogCapacity.");
            }

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
