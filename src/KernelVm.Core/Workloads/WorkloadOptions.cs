using System.Collections.Generic;

namespace KernelVm.Workloads
{
    /// <summary>What a workload does: its seed, tasks, pages, access pattern, mix of operations and length.</summary>
    public sealed record WorkloadOptions
    {
        public const int MaxTasks = 1024;

        /// <summary>The longest run: minutes of steps, long enough for any study, short of forever.</summary>
        public const int MaxCount = 100_000_000;

        /// <summary>The seed of the SplitMix64 stream every choice is drawn from.</summary>
        public long Seed { get; init; }

        /// <summary>The tasks' names; null for <see cref="TaskCount"/> tasks named task0, task1, ...</summary>
        public IReadOnlyList<string>? Tasks { get; init; }

        public int TaskCount { get; init; } = 4;

        /// <summary>The page set; null for the <see cref="PageCount"/> highest page frames of RAM (highmem first).</summary>
        public IReadOnlyList<ulong>? Pfns { get; init; }

        public int PageCount { get; init; } = 2048;

        public WorkloadPattern Pattern { get; init; } = WorkloadPattern.Random;

        /// <summary>HotCold: the share of the pages, in percent, that is hot (at least one page).</summary>
        public int HotPercent { get; init; } = 20;

        /// <summary>HotCold: the share of the picks, in percent, that go to the hot pages.</summary>
        public int HotAccessPercent { get; init; } = 80;

        public WorkloadMix Mix { get; init; } = WorkloadMix.Default;

        /// <summary>The most kmaps one task holds at once; at the limit a kmap the mix picks becomes a kunmap.</summary>
        public int MaxHeld { get; init; } = 8;

        /// <summary>How many steps the workload runs (fewer if it deadlocks).</summary>
        public long Count { get; init; } = 1000;

        /// <summary>Steps per record: 1 gives a record per step.</summary>
        public int Interval { get; init; } = 1;
    }
}
