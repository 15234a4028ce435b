using System.Management.Automation;
using KernelVm.PowerShell.Completers;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>The base of the commands that act as a task: -Task, and the access -Touch makes.</summary>
    public abstract class KmapCommand : MachineCommand
    {
        /// <summary>The task that makes the call; created on first use. By default task0.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TaskNameCompleter))]
        public string Task { get; set; } = KernelVm.Machine.DefaultTask;

        protected override ErrorRecord? CheckArguments() =>
            base.CheckArguments() ?? (CmdletErrors.IsName(Task) ? null : CmdletErrors.BadName(CmdletErrors.TaskNameInvalid, "task", Task));

        /// <summary>
        /// -Touch: the CPU accesses the new mapping, loading its TLB entry. It runs after the mapping is
        /// written and reported, so a failing touch (a stale TLB entry elsewhere) is its own error.
        /// </summary>
        protected void TouchAddress(Machine machine, ulong vaddr, int? cpu)
        {
            var from = machine.Events.NextSequence;
            try
            {
                machine.Access(Task, cpu, vaddr);
                WriteStepsSince(machine, from);
            }
            catch (KernelVmException e)
            {
                WriteModelError(e);
            }
        }
    }
}
