using System.Management.Automation;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// The base of every cmdlet that works on a machine: the -Machine parameter, defaulting to the
    /// session's most recent machine, and the mapping of model failures to errors.
    /// </summary>
    public abstract class MachineCommand : PSCmdlet
    {
        /// <summary>
        /// The machine to work on; by default the session's default machine. It binds from the pipeline
        /// by property name only: every KernelVm record's Machine property (a name), and a machine's own
        /// (see KernelVm.Types.ps1xml). Binding it by value too would make PowerShell try, and fail, to
        /// bind every piped number here first.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [MachineTransformation]
        [ArgumentCompleter(typeof(MachineNameCompleter))]
        [ValidateNotNull]
        public Machine? Machine { get; set; }

        /// <summary>The machine this call works on; ends the command when there is none.</summary>
        protected Machine TargetMachine => Machine ?? SessionMachines.Current.Default ?? ThrowNoMachine();

        /// <summary>A model failure for one input: report it and go on with the next.</summary>
        protected void WriteModelError(KernelVmException e) => WriteError(CmdletErrors.FromModel(e));

        private Machine ThrowNoMachine()
        {
            ThrowTerminatingError(CmdletErrors.NoMachineRecord());
            return null!;
        }
    }
}
