namespace KernelVm.Workloads
{
    /// <summary>
    /// One step of a workload, or the last step of an interval of them, with the machine's state right
    /// after it. Sleeps and Wakeups add up over the interval. Equal records mean equal runs.
    /// </summary>
    public sealed record WorkloadRecord
    {
        /// <summary>The number of the step, from 1.</summary>
        public long Step { get; init; }

        /// <summary>What the step did (a kmap at the task's limit becomes a kunmap, a kunmap or access with nothing held a kmap).</summary>
        public WorkloadOp Op { get; init; }

        public string Task { get; init; } = "";

        public ulong Pfn { get; init; }

        public WorkloadResult Result { get; init; }

        /// <summary>The address the step mapped, unmapped or touched; 0 when a kmap blocked.</summary>
        public ulong VirtualAddress { get; init; }

        /// <summary>Times a task went to sleep on pkmap_map_wait in the record's steps (a woken task that finds no slot sleeps again).</summary>
        public int Sleeps { get; init; }

        /// <summary>Tasks woken from pkmap_map_wait in the record's steps.</summary>
        public int Wakeups { get; init; }

        /// <summary>The kmaps the workload's tasks hold after the step.</summary>
        public int HeldKmaps { get; init; }

        /// <summary>pkmap slots with users (count 2 or more); null without pkmap (no CONFIG_HIGHMEM, x86-64).</summary>
        public int? SlotsInUse { get; init; }

        /// <summary>pkmap slots at count 1: unused, but mapped until the next flush_all_zero_pkmaps().</summary>
        public int? StaleSlots { get; init; }

        /// <summary>pkmap slots at count 0.</summary>
        public int? FreeSlots { get; init; }

        /// <summary>flush_all_zero_pkmaps() calls since boot.</summary>
        public long? Flushes { get; init; }

        /// <summary>Full TLB flushes (flush_tlb_all) since boot.</summary>
        public long TlbFlushes { get; init; }

        /// <summary>Tasks asleep on pkmap_map_wait after the step, the workload's and any other.</summary>
        public int BlockedTasks { get; init; }
    }
}
