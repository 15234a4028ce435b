using System.Management.Automation;
using KernelVm.PowerShell.Completers;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>The simulated tasks: their CPU, whether they sleep in kmap(), and on what.</summary>
    [Cmdlet(VerbsCommon.Get, "VmTask")]
    [OutputType(typeof(VmTaskInfo))]
    public sealed class GetVmTaskCommand : MachineCommand
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [Alias("Task")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TaskNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>
        /// A piped machine. Its Name would bind to -Name by property name and match no task; binding it
        /// here tells the two apart (see <see cref="MachineCommand.NameFilter"/>).
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public Machine? InputObject { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            var names = NameFilter(Name, InputObject);
            var tasks = machine.Read(m =>
            {
                var list = new System.Collections.Generic.List<VmTaskInfo>();
                foreach (var task in m.Tasks)
                {
                    list.Add(new VmTaskInfo(m, task));
                }

                return list;
            });
            foreach (var task in tasks)
            {
                if (Patterns.Match(names, task.Name))
                {
                    WriteObject(task);
                }
            }

            foreach (var name in Patterns.Unmatched(names, tasks.ConvertAll(t => t.Name)))
            {
                WriteError(CmdletErrors.NotFound(Errors.TaskNotFound, name,
                    "Machine " + machine.Name + " has no task named '" + name + "'. A task exists once it has called kmap or another command with -Task."));
            }
        }
    }
}
