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
        /// The machine to work on; by default the one most recently created in this session. A piped
        /// machine binds here, and so does the Machine property of any KernelVm record. A name works too.
        /// </summary>
        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
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
