using System.Management.Automation;
using KernelVm.PowerShell.Completers;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>Makes a machine the session's default: the one every -Machine parameter means when it is left out.</summary>
    [Cmdlet(VerbsOther.Use, "VmMachine")]
    [OutputType(typeof(Machine))]
    public sealed class UseVmMachineCommand : KernelVmCommand
    {
        /// <summary>The machine, or its name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ArgumentCompleter(typeof(MachineNameCompleter))]
        public object Machine { get; set; } = null!;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessInput()
        {
            var session = SessionMachines.Current;
            // A piped record binds here whole (the parameter is an Object): use the machine it names.
            var bound = Machine is PSObject pso ? pso.BaseObject : Machine;
            var input = bound is KernelVm.Machine or string or null
                ? bound
                : PSObject.AsPSObject(Machine).Properties["Machine"]?.Value ?? Machine;
            var machine = session.Resolve(input);
            if (machine is null)
            {
                WriteError(CmdletErrors.MachineArgumentRecord(input ?? Machine));
                return;
            }

            if (session.Find(machine.Name) != machine)
            {
                WriteError(CmdletErrors.MachineNotFoundRecord(machine.Name));
                return;
            }

            session.MakeDefault(machine);
            if (PassThru)
            {
                WriteObject(machine);
            }
        }
    }
}
