using System.Management.Automation;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>Makes a machine the session's default: the one every -Machine parameter means when it is left out.</summary>
    [Cmdlet(VerbsOther.Use, "VmMachine")]
    [OutputType(typeof(Machine))]
    public sealed class UseVmMachineCommand : PSCmdlet
    {
        /// <summary>The machine, or its name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [MachineTransformation]
        [ArgumentCompleter(typeof(MachineNameCompleter))]
        [ValidateNotNull]
        public Machine Machine { get; set; } = null!;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var session = SessionMachines.Current;
            if (session.Find(Machine.Name) != Machine)
            {
                WriteError(CmdletErrors.MachineNotFoundRecord(Machine.Name));
                return;
            }

            session.MakeDefault(Machine);
            if (PassThru)
            {
                WriteObject(Machine);
            }
        }
    }
}
