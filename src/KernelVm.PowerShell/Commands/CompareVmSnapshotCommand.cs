using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// What differs between two snapshots, one object per difference; nothing when they are equal.
    /// Two machines (2.4.22 and 2.6.24, PAE and not) compare on the parts they both have.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "VmSnapshot")]
    [OutputType(typeof(VmSnapshotDifference))]
    public sealed class CompareVmSnapshotCommand : KernelVmCommand
    {
        /// <summary>The snapshot taken first (its values are Old). Both snapshots bind by property name, so piped pairs compare one by one.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public VmSnapshot ReferenceSnapshot { get; set; } = null!;

        /// <summary>The snapshot compared with it (its values are New).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public VmSnapshot DifferenceSnapshot { get; set; } = null!;

        /// <summary>Only these parts.</summary>
        [Parameter]
        [EnumTransformation(typeof(VmSnapshotPart))]
        public VmSnapshotPart[]? Part { get; set; }

        protected override void ProcessInput()
        {
            var wanted = VmSnapshotPart.None;
            foreach (var part in Part ?? new[] { VmSnapshotPart.All })
            {
                wanted |= part;
            }

            var shared = SnapshotComparer.Shared(ReferenceSnapshot, DifferenceSnapshot, wanted);
            var skipped = (ReferenceSnapshot.Parts | DifferenceSnapshot.Parts) & wanted & ~shared;
            if (skipped != VmSnapshotPart.None)
            {
                WriteVerbose("Not compared, as only one snapshot holds them: " + skipped + ".");
            }

            foreach (var difference in SnapshotComparer.Compare(ReferenceSnapshot, DifferenceSnapshot, wanted))
            {
                WriteObject(difference);
            }
        }
    }
}
