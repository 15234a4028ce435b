using System.IO;
using System.Management.Automation;
using KernelVm.Picture;
using KernelVm.PowerShell.Files;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// Draws the machine's virtual address space as an SVG file: the regions with their bounds and sizes,
    /// and the pkmap slots and fixmap indices by their state now (<see cref="LayoutSvg"/> draws it).
    /// </summary>
    [Cmdlet(VerbsData.Export, "VmLayout", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportVmLayoutCommand : MachineCommand
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>The SVG file to write, relative to the current location; wildcards must match one existing file.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [SupportsWildcards]
        public string Path { get; set; } = null!;

        /// <summary>The SVG file to write, taken exactly as typed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        public string LiteralPath { get; set; } = null!;

        /// <summary>Replaces a read-only file (which stays read-only), as Export-Csv -Force does.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Refuses to replace an existing file.</summary>
        [Parameter]
        [Alias("NoOverwrite")]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Writes the file to the pipeline, as Get-Item would (a FileInfo).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            var literal = ParameterSetName == LiteralPathSet;
            var typed = literal ? LiteralPath : Path;
            var file = OutputFile.Resolve(this, typed, literal);
            if (!ShouldProcess(file, "Export the layout of machine " + machine.Name))
            {
                return;
            }

            var snapshot = LayoutSnapshot.Of(machine);
            OutputFile.Write(this, typed, file, stream => LayoutSvg.Write(snapshot, stream), Force, NoClobber);
            WriteVerbose("Wrote the layout of machine " + machine.Name + " to " + file + ".");
            if (PassThru)
            {
                // Through the provider, as Get-Item gives it, so that it has PSPath and shows as a file does.
                WriteObject(SessionState.InvokeProvider.Item.Get(new[] { file }, false, true), true);
            }
        }
    }
}
