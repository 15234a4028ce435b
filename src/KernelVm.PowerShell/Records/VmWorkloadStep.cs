using KernelVm.Workloads;

namespace KernelVm.PowerShell
{
    /// <summary>
    /// One step of Invoke-VmWorkload, or the last step of an interval, with the machine's state after
    /// it: flat columns for Export-Csv. Pkmap columns are empty on machines without pkmap.
    /// </summary>
    public sealed class VmWorkloadStep
    {
        internal VmWorkloadStep(Machine machine, WorkloadRecord record)
        {
            Machine = machine.Name;
            Step = record.Step;
            Op = record.Op;
            Task = record.Task;
            Pfn = record.Pfn;
            Result = record.Result;
            VirtualAddress = record.VirtualAddress == 0 ? null : new Address(record.VirtualAddress);
            HeldKmaps = record.HeldKmaps;
            SlotsInUse = record.SlotsInUse;
            StaleSlots = record.StaleSlots;
            FreeSlots = record.FreeSlots;
            Flushes = record.Flushes;
            TlbFlushes = record.TlbFlushes;
            BlockedTasks = record.BlockedTasks;
            Sleeps = record.Sleeps;
            Wakeups = record.Wakeups;
        }

        /// <summary>The step's number, from 1.</summary>
        public long Step { get; }

        /// <summary>Kmap, Kunmap, KmapAtomic or Access.</summary>
        public WorkloadOp Op { get; }

        public string Task { get; }

        public Address Pfn { get; }

        /// <summary>Lowmem, NewSlot, Reused, Blocked, Deadlock, InUse, Stale, WokeWaiters, Fixmap, TlbHit or TlbMiss.</summary>
        public WorkloadResult Result { get; }

        /// <summary>The address mapped, unmapped or touched; empty when the kmap blocked.</summary>
        public Address? VirtualAddress { get; }

        /// <summary>The kmaps the workload's tasks hold after the step.</summary>
        public int HeldKmaps { get; }

        /// <summary>pkmap slots with users (pkmap_count 2 or more).</summary>
        public int? SlotsInUse { get; }

        /// <summary>pkmap slots at count 1: no users, mapped until the next flush_all_zero_pkmaps().</summary>
        public int? StaleSlots { get; }

        /// <summary>pkmap slots at count 0.</summary>
        public int? FreeSlots { get; }

        /// <summary>flush_all_zero_pkmaps() calls since boot.</summary>
        public long? Flushes { get; }

        /// <summary>flush_tlb_all() calls since boot.</summary>
        public long TlbFlushes { get; }

        /// <summary>Tasks asleep on pkmap_map_wait after the step.</summary>
        public int BlockedTasks { get; }

        /// <summary>Times a task went to sleep on pkmap_map_wait in the record's steps.</summary>
        public int Sleeps { get; }

        /// <summary>Tasks woken from pkmap_map_wait in the record's steps.</summary>
        public int Wakeups { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
