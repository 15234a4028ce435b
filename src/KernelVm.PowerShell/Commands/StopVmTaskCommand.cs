using System.Management.Automation;
using KernelVm.PowerShell.Completers;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// Wakes a task that sleeps on pkmap_map_wait and abandons its kmap(), which no kernel can do
    /// (the sleep is TASK_UNINTERRUPTIBLE): the simulator's way out of a wait that nothing will end.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "VmTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(VmTaskInfo))]
    public sealed class StopVmTaskCommand : MachineCommand
    {
        /// <summary>The blocked task.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Task")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TaskNameCompleter))]
        public string Name { get; set; } = null!;

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            if (!ShouldProcess(Name, "Abandon the task's kmap() and take it off pkmap_map_wait"))
            {
                return;
            }

            try
            {
                machine.CancelWait(Name);
            }
            catch (KernelVmException e)
            {
                WriteModelError(e);
                return;
            }

            WriteWarning("Task " + Name + " gave up its kmap(). A real kernel cannot do this: a task on pkmap_map_wait is TASK_UNINTERRUPTIBLE until a kunmap() wakes it.");
            foreach (var task in machine.Tasks)
            {
                if (string.Equals(task.Name, Name, System.StringComparison.OrdinalIgnoreCase))
                {
                    WriteObject(new VmTaskInfo(machine, task));
                }
            }
        }
    }
}
