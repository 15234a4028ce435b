using System.Management.Automation;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// Forks a machine: an independent copy in the same state under a new name, which becomes the
    /// session's default. Both go on separately from here.
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "VmMachine", SupportsShouldProcess = true)]
    [OutputType(typeof(Machine))]
    public sealed class CopyVmMachineCommand : MachineCommand
    {
        /// <summary>The copy's name.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = null!;

        /// <summary>Replaces a machine of that name instead of failing with MachineNameTaken.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessInput()
        {
            var source = TargetMachine;
            if (!CmdletErrors.IsName(Name))
            {
                WriteError(CmdletErrors.BadName(CmdletErrors.MachineNameInvalid, "machine", Name));
                return;
            }

            var session = SessionMachines.Current;
            var existing = session.Find(Name);
            if (existing is not null && (!Force || existing == source))
            {
                WriteError(CmdletErrors.NameTaken(Name));
                return;
            }

            if (!ShouldProcess(Name, "Copy machine " + source.Name))
            {
                return;
            }

            var copy = source.Copy(Name);
            if (existing is not null)
            {
                session.Remove(existing);
            }

            session.MakeDefault(copy);
            WriteObject(copy);
        }
    }
}
