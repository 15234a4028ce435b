using System.Management.Automation;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// Schedules a task on a CPU: a context switch from the task there. On 6.x it takes the outgoing task's
    /// kmap_local mappings off the CPU and puts the incoming task's back.
    /// </summary>
    [Cmdlet(VerbsCommon.Switch, "VmTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(VmTaskInfo))]
    public sealed class SwitchVmTaskCommand : MachineCommand
    {
        /// <summary>The task to run; created on first use.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Task")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TaskNameCompleter))]
        public string Name { get; set; } = null!;

        /// <summary>The CPU to run it on; by default the task's CPU.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IntegerTransformation]
        [ArgumentCompleter(typeof(CpuCompleter))]
        public int? Cpu { get; set; }

        protected override ErrorRecord? CheckArguments() =>
            base.CheckArguments() ?? (CmdletErrors.IsName(Name) ? null : CmdletErrors.BadName(CmdletErrors.TaskNameInvalid, "task", Name));

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            if (!ShouldProcess(Name, "Switch to the task" + (Cpu is { } c ? " on CPU " + c : "")))
            {
                return;
            }

            var from = machine.Events.NextSequence;
            try
            {
                machine.Switch(Name, Cpu);
                WriteStepsSince(machine, from);

                WriteObject(machine.Read(m => new VmTaskInfo(m, m.FindTask(Name)!)));
            }
            catch (KernelVmException e)
            {
                WriteModelError(e);
            }
        }
    }
}
