using System.Management.Automation;

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
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var machine = TargetMachine;
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
                if (Patterns.Match(Name, task.Name))
                {
                    WriteObject(task);
                }
            }
        }
    }
}
