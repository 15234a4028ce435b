using System.Management.Automation;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>Lists the machines created in this session, oldest first.</summary>
    [Cmdlet(VerbsCommon.Get, "VmMachine")]
    [OutputType(typeof(Machine))]
    [Alias("gvm")]
    public sealed class GetVmMachineCommand : PSCmdlet
    {
        /// <summary>Names to match; wildcards are allowed.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var machines = SessionMachines.Current.All;
            foreach (var pattern in Name ?? new[] { "*" })
            {
                var wildcard = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase);
                var found = false;
                foreach (var machine in machines)
                {
                    if (wildcard.IsMatch(machine.Name))
                    {
                        found = true;
                        WriteObject(machine);
                    }
                }

                if (!found && !WildcardPattern.ContainsWildcardCharacters(pattern))
                {
                    WriteError(CmdletErrors.MachineNotFoundRecord(pattern));
                }
            }
        }
    }
}
