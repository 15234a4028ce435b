using KernelVm.Tasks;

namespace KernelVm.PowerShell
{
    /// <summary>A snapshot of a simulated task.</summary>
    public sealed class VmTaskInfo
    {
        internal VmTaskInfo(Machine machine, VmTask task)
        {
            Machine = machine.Name;
            Name = task.Name;
            Cpu = task.Cpu;
            State = task.State;
            WaitingForPfn = task.WaitingForPfn;
            WaitQueue = task.State == TaskState.Blocked ? "pkmap_map_wait" : null;
            Wakeups = task.Wakeups;
            LastKmap = task.LastKmap is { } k ? new KmapResult(machine, k) : null;
        }

        public string Name { get; }

        public int Cpu { get; }

        public TaskState State { get; }

        /// <summary>The wait queue the task sleeps on, while Blocked.</summary>
        public string? WaitQueue { get; }

        public Address? WaitingForPfn { get; }

        public int Wakeups { get; }

        /// <summary>How the task's last kmap() ended (a woken task's kmap completes when it wakes).</summary>
        public KmapResult? LastKmap { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
