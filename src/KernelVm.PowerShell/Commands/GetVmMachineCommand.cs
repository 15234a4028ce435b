using System.Management.Automation;
using KernelVm.PowerShell.Completers;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>Lists the machines created in this session, oldest first.</summary>
    [Cmdlet(VerbsCommon.Get, "VmMachine")]
    [OutputType(typeof(Machine))]
    [Alias("gvm")]
    public sealed class GetVmMachineCommand : KernelVmCommand
    {
        /// <summary>Names to match; wildcards are allowed.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(MachineNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessInput()
        {
            foreach (var pattern in Name ?? new[] { "*" })
            {
                var matches = SessionMachines.Current.Matching(pattern);
                WriteObject(matches, enumerateCollection: true);
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(pattern))
                {
                    WriteError(CmdletErrors.MachineNotFoundRecord(pattern));
                }
            }
        }
    }
}
