using System.IO;
using System.Management.Automation;
using KernelVm.PowerShell.Files;
using KernelVm.State;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// Saves a whole machine (configuration and state) as a versioned JSON file (docs/machine-file.md).
    /// The file is written atomically: an interrupted save leaves the previous file, never half a file.
    /// </summary>
    [Cmdlet(VerbsData.Export, "VmMachine", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportVmMachineCommand : MachineCommand
    {
        /// <summary>The file to write, relative to the current location.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = null!;

        /// <summary>Keeps an existing file: the export fails instead of replacing it.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Replaces a read-only file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the file's FileInfo.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            var path = FileSystemPaths.ForWriting(this, Path, out var error);
            if (path is null)
            {
                WriteError(error!);
                return;
            }

            if (NoClobber && File.Exists(path))
            {
                WriteError(CmdletErrors.FileAlreadyThere(path));
                return;
            }

            if (!ShouldProcess(path, "Save machine " + machine.Name))
            {
                return;
            }

            try
            {
                if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } directory && !Directory.Exists(directory))
                {
                    throw new DirectoryNotFoundException("the directory '" + directory + "' does not exist.");
                }

                // Windows refuses to replace a read-only file but a Unix rename does not: refuse it on both unless -Force.
                if (!Force && File.Exists(path) && (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0)
                {
                    throw new System.UnauthorizedAccessException("it is read-only; -Force replaces it.");
                }

                AtomicFile.Write(path, stream => MachineFile.Write(machine, stream), NoClobber);
            }
            catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException or System.ArgumentException or System.NotSupportedException)
            {
                // ArgumentException and NotSupportedException: a name .NET refuses (a NUL; in Windows PowerShell 5.1 also a colon inside a name).
                WriteError(CmdletErrors.FileFailed(e, path, writing: true));
                return;
            }

            if (PassThru)
            {
                WriteObject(new FileInfo(path));
            }
        }
    }
}
