using System.IO;
using System.Management.Automation;
using KernelVm.PowerShell.Files;
using KernelVm.State;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// Loads a machine Export-VmMachine saved: boots its configuration, restores its state, and makes
    /// it the session's default machine. A file it cannot restore exactly loads nothing.
    /// </summary>
    [Cmdlet(VerbsData.Import, "VmMachine")]
    [OutputType(typeof(Machine))]
    public sealed class ImportVmMachineCommand : KernelVmCommand
    {
        /// <summary>The file to read, relative to the current location; binds the FullName of piped files.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = null!;

        /// <summary>A name for the loaded machine instead of the one saved.</summary>
        [Parameter]
        public string? Name { get; set; }

        /// <summary>Replaces a machine of the same name instead of failing with MachineNameTaken.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessInput()
        {
            if (Name is not null && !CmdletErrors.IsName(Name))
            {
                WriteError(CmdletErrors.BadName(CmdletErrors.MachineNameInvalid, "machine", Name));
                return;
            }

            var path = FileSystemPaths.ForReading(this, Path, out var error);
            if (path is null)
            {
                WriteError(error!);
                return;
            }

            Machine machine;
            try
            {
                using var stream = File.OpenRead(path);
                machine = MachineFile.Read(stream, Name);
            }
            catch (KernelVmException e)
            {
                var record = CmdletErrors.FromModel(e);
                record.ErrorDetails = new ErrorDetails(path + ": " + e.Message);
                WriteError(record);
                return;
            }
            catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException)
            {
                WriteError(CmdletErrors.FileFailed(e, path, writing: false));
                return;
            }

            if (!CmdletErrors.IsName(machine.Name))
            {
                // The name the file holds, which a hand edit can make anything; -Name gives the machine another.
                WriteError(CmdletErrors.BadName(CmdletErrors.MachineNameInvalid, "machine", machine.Name));
                return;
            }

            // The same for its tasks: one no cmdlet could name again would be stuck in the machine.
            if (System.Linq.Enumerable.FirstOrDefault(machine.Tasks, t => !CmdletErrors.IsName(t.Name)) is { } badTask)
            {
                WriteError(CmdletErrors.BadName(CmdletErrors.TaskNameInvalid, "task", badTask.Name));
                return;
            }

            var session = SessionMachines.Current;
            if (session.Find(machine.Name) is { } existing)
            {
                if (!Force)
                {
                    WriteError(CmdletErrors.NameTaken(machine.Name));
                    return;
                }

                session.Remove(existing);
            }

            session.MakeDefault(machine);
            WriteObject(machine);
        }
    }
}
