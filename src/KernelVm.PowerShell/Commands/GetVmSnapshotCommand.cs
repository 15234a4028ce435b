using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>An immutable picture of a machine, or of some of its parts, at one instant.</summary>
    [Cmdlet(VerbsCommon.Get, "VmSnapshot")]
    [OutputType(typeof(VmSnapshot))]
    public sealed class GetVmSnapshotCommand : MachineCommand
    {
        /// <summary>The parts to take; all by default. A part the machine does not have is left out.</summary>
        [Parameter(Position = 0)]
        [EnumTransformation(typeof(VmSnapshotPart))]
        public VmSnapshotPart[]? Part { get; set; }

        protected override void ProcessInput()
        {
            var parts = VmSnapshotPart.None;
            foreach (var part in Part ?? new[] { VmSnapshotPart.All })
            {
                parts |= part;
            }

            WriteObject(TargetMachine.Read(m => StateReader.Snapshot(m, parts)));
        }
    }
}
