using System.Management.Automation;
using KernelVm.PowerShell.Completers;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// Forgets machines of this session, by name (wildcards allowed) or by object, so that their
    /// names can be used again and their memory is released once nothing else refers to them.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "VmMachine", DefaultParameterSetName = ByName, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveVmMachineCommand : KernelVmCommand
    {
        private const string ByName = "Name";
        private const string ByObject = "InputObject";

        /// <summary>Names of machines to remove; wildcards are allowed.</summary>
        [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(MachineNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = null!;

        /// <summary>Machines to remove, as New-VmMachine and Get-VmMachine write them.</summary>
        [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Machine[] InputObject { get; set; } = null!;

        protected override void ProcessInput()
        {
            var session = SessionMachines.Current;
            if (ParameterSetName == ByObject)
            {
                foreach (var machine in InputObject)
                {
                    if (session.Find(machine.Name) == machine)
                    {
                        Remove(session, machine);
                    }
                    else
                    {
                        WriteError(CmdletErrors.MachineNotFoundRecord(machine.Name));
                    }
                }

                return;
            }

            foreach (var pattern in Name)
            {
                var matches = session.Matching(pattern);
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(pattern))
                {
                    WriteError(CmdletErrors.MachineNotFoundRecord(pattern));
                }

                foreach (var machine in matches)
                {
                    Remove(session, machine);
                }
            }
        }

        private void Remove(SessionMachines session, Machine machine)
        {
            if (ShouldProcess(machine.Name, "Remove machine"))
            {
                session.Remove(machine);
            }
        }
    }
}
