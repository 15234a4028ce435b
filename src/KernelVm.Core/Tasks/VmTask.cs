namespace KernelVm.Tasks
{
    /// <summary>A simulated task: what runs kmap() and may sleep in it.</summary>
    public sealed class VmTask
    {
        internal VmTask(string name, int cpu)
        {
            Name = name;
            Cpu = cpu;
        }

        public string Name { get; }

        /// <summary>The CPU the task runs on (its kmap_atomic slots and TLB).</summary>
        public int Cpu { get; }

        public TaskState State { get; internal set; }

        /// <summary>The pfn whose kmap() the task sleeps in, while Blocked.</summary>
        public ulong? WaitingForPfn { get; internal set; }

        /// <summary>How many times the task was woken on pkmap_map_wait.</summary>
        public int Wakeups { get; internal set; }

        /// <summary>The outcome of the task's last kmap (a woken task's kmap completes later).</summary>
        public Highmem.KmapOutcome? LastKmap { get; internal set; }
    }
}
