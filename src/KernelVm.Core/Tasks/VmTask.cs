namespace KernelVm.Tasks
{
    /// <summary>A simulated task: what runs kmap() and may sleep in it.</summary>
    public sealed class VmTask
    {
        internal VmTask(string name, int cpu, int kmMaxIdx)
        {
            Name = name;
            Cpu = cpu;
            KmapCtrl = new KmapCtrl(kmMaxIdx);
        }

        public string Name { get; }

        /// <summary>The CPU the task last ran on (its kmap_atomic and kmap_local slots, and its TLB).</summary>
        public int Cpu { get; internal set; }

        public TaskState State { get; internal set; }

        /// <summary>The pfn whose kmap() the task sleeps in, while Blocked.</summary>
        public ulong? WaitingForPfn { get; internal set; }

        /// <summary>How many times the task was woken on pkmap_map_wait.</summary>
        public int Wakeups { get; internal set; }

        /// <summary>The outcome of the task's last kmap (a woken task's kmap completes later).</summary>
        public Highmem.KmapOutcome? LastKmap { get; internal set; }

        /// <summary>current-&gt;kmap_ctrl: the task's kmap_local stack (6.x).</summary>
        public KmapCtrl KmapCtrl { get; }

        /// <summary>
        /// current-&gt;pagefault_disabled: the kmap_atomic() calls (6.x) not yet undone by kunmap_atomic(). Each
        /// also holds preempt_disable(), so while it is above 0 the task keeps its CPU.
        /// </summary>
        public int PagefaultDisabled { get; internal set; }

        /// <summary>migrate_disable() is in force (a kmap_local mapping) or preemption is off (kmap_atomic): the task cannot leave its CPU.</summary>
        internal bool Pinned => KmapCtrl.Idx > 0 || PagefaultDisabled > 0;
    }
}
