using System.Collections.Generic;
using System.Threading;
using KernelVm.Highmem;
using KernelVm.Physical;

namespace KernelVm.Workloads
{
    /// <summary>
    /// A reproducible workload: tasks that kmap, kunmap, kmap_atomic and touch pages of a page set,
    /// each choice drawn from one SplitMix64 stream, so the same options on a machine booted the same
    /// way give the same steps everywhere. Each step is one or two calls on the machine under its
    /// lock; the run stops between steps when cancelled.
    /// <list type="bullet">
    /// <item>A step: a task drawn among those not asleep, an op drawn from the mix, then the op. A task
    /// holds at most MaxHeld kmaps: at the limit a kmap becomes a kunmap, and with nothing held a
    /// kunmap or access becomes a kmap. A kunmap releases one of the task's kmaps, drawn at random.</item>
    /// <item>A kmap with no free slot leaves its task asleep on pkmap_map_wait (as kmap_high does);
    /// the kunmap that brings a count to 1 wakes it, and its kmap completes then. When every task of
    /// the workload is asleep nothing can wake them: the step's result is Deadlock and the run ends.</item>
    /// <item>Tasks keep their kmaps when the run ends.</item>
    /// </list>
    /// </summary>
    public sealed class Workload
    {
        /// <summary>The km_type of the workload's kmap_atomic steps, the one the kernel gives process context.</summary>
        public const string AtomicType = "KM_USER0";

        // 6.x has no km_type: its kmap_atomic() is the kmap_local wrapper and takes none.
        private readonly string? _atomicType;

        private readonly Machine _machine;
        private readonly WorkloadOptions _options;
        private readonly SplitMix64 _rng;
        private readonly PageSampler _sampler;
        private readonly WorkloadTask[] _tasks;
        private readonly Dictionary<string, WorkloadTask> _byName = new(System.StringComparer.OrdinalIgnoreCase);
        private readonly List<WorkloadTask> _runnable = new();
        private long _step;
        private int _held;
        private int _sleeps;
        private int _wakeups;
        private bool _failed;

        /// <summary>Checks the options against the machine; throws a KernelVmException, with nothing changed, when they do not fit it.</summary>
        public Workload(Machine machine, WorkloadOptions options)
        {
            _machine = machine;
            _options = options;
            Check(options.Count is >= 1 and <= WorkloadOptions.MaxCount, "-Count", options.Count, "a workload runs 1 to " + WorkloadOptions.MaxCount + " steps.");
            Check(options.Interval >= 1, "-Interval", options.Interval, "a record covers at least one step.");
            Check(options.MaxHeld >= 1, "-MaxHeld", options.MaxHeld, "a task must be able to hold at least one kmap.");
            Check(options.HotPercent is >= 1 and <= 99, "-HotPercent", options.HotPercent, "the hot pages are 1 to 99 percent of the page set.");
            Check(options.HotAccessPercent is >= 0 and <= 100, "-HotAccessPercent", options.HotAccessPercent, "a share of the picks is 0 to 100 percent.");
            _tasks = MakeTasks(options);
            Pages = PageSet(machine, options);
            _sampler = new PageSampler(Pages, options.Pattern, options.HotPercent, options.HotAccessPercent);
            _atomicType = machine.Kernel.KmTypes.Count == 0 ? null : AtomicType;
            _rng = new SplitMix64(unchecked((ulong)options.Seed));
            machine.Exclusive(() => AdoptSleepers());
        }

        public IReadOnlyList<WorkloadTask> Tasks => _tasks;

        /// <summary>The page set the pattern picks from, in the order the pattern reads it.</summary>
        public IReadOnlyList<ulong> Pages { get; }

        /// <summary>HotCold: the first this many pages of <see cref="Pages"/> are hot.</summary>
        public int HotPages => _sampler.HotPages;

        public WorkloadOptions Options => _options;

        /// <summary>Steps run so far.</summary>
        public long Completed => _step;

        /// <summary>Every task of the workload sleeps on pkmap_map_wait: the run ended early.</summary>
        public bool Deadlocked { get; private set; }

        /// <summary>The run is over: all its steps ran, it deadlocked, or a step failed.</summary>
        public bool Finished => _step >= _options.Count || Deadlocked || _failed;

        /// <summary>The kmaps the workload's tasks hold.</summary>
        public int HeldKmaps => _held;

        /// <summary>
        /// Runs the steps up to the end of the current interval and returns the record of the last one,
        /// or null when the run is over. Stops early between two steps when <paramref name="cancel"/>
        /// is set or the run deadlocks; the record then covers the steps that ran (null if none did).
        /// <paramref name="stepped"/> hears the number of each step once it has run, outside the lock.
        /// </summary>
        public WorkloadRecord? Next(CancellationToken cancel = default, System.Action<long>? stepped = null)
        {
            if (Finished)
            {
                return null;
            }

            var end = System.Math.Min((_step / _options.Interval + 1) * _options.Interval, _options.Count);
            _sleeps = 0;
            _wakeups = 0;
            WorkloadRecord? record = null;
            StepOutcome? last = null;
            while (_step < end && !Deadlocked && !cancel.IsCancellationRequested)
            {
                var done = _machine.Exclusive(() =>
                {
                    var outcome = RunStep();
                    return (outcome, Record: _step == end || Deadlocked ? Snapshot(outcome) : null);
                });
                last = done.outcome;
                record = done.Record;
                stepped?.Invoke(_step);
            }

            // Cancelled inside an interval: the state after the last step that ran.
            return record ?? (last is { } l ? _machine.Exclusive(() => Snapshot(l)) : null);
        }

        /// <summary>Runs the remaining steps, yielding each record.</summary>
        public IEnumerable<WorkloadRecord> Run(CancellationToken cancel = default)
        {
            while (!cancel.IsCancellationRequested && Next(cancel) is { } record)
            {
                yield return record;
            }
        }

        private static void Check(bool ok, string option, object value, string why)
        {
            if (!ok)
            {
                throw Errors.BadWorkloadOption(option, value, why);
            }
        }

        private static IReadOnlyList<ulong> PageSet(Machine machine, WorkloadOptions options)
        {
            if (options.Pfns is { } pfns)
            {
                Check(pfns.Count > 0, "-Pfn", "@()", "a workload needs at least one page.");
                foreach (var pfn in pfns)
                {
                    machine.Memory.ZoneOf(pfn);
                }

                return pfns;
            }

            Check(options.PageCount >= 1 && (ulong)options.PageCount <= machine.MaxPfn, "-PageCount", options.PageCount,
                "the page set is 1 to max_pfn (" + machine.MaxPfn + ") pages, taken from the top of RAM.");
            var range = new PfnRange(machine.MaxPfn - (ulong)options.PageCount, options.PageCount);
            machine.Memory.ZoneOf(range.First);
            return range;
        }

        private WorkloadTask[] MakeTasks(WorkloadOptions options)
        {
            var names = options.Tasks;
            if (names is null)
            {
                Check(options.TaskCount is >= 1 and <= WorkloadOptions.MaxTasks, "-TaskCount", options.TaskCount, "a workload has 1 to " + WorkloadOptions.MaxTasks + " tasks.");
                var generated = new string[options.TaskCount];
                for (var i = 0; i < generated.Length; i++)
                {
                    generated[i] = "task" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                names = generated;
            }

            Check(names.Count is >= 1 and <= WorkloadOptions.MaxTasks, "-Task", names.Count, "a workload has 1 to " + WorkloadOptions.MaxTasks + " tasks.");
            var tasks = new WorkloadTask[names.Count];
            for (var i = 0; i < tasks.Length; i++)
            {
                Check(!string.IsNullOrEmpty(names[i]), "-Task", names[i], "a task needs a name.");
                Check(!_byName.ContainsKey(names[i]), "-Task", names[i], "the task is named twice.");
                tasks[i] = new WorkloadTask(names[i]);
                _byName.Add(names[i], tasks[i]);
            }

            return tasks;
        }

        /// <summary>Tasks already asleep in kmap() (from an earlier run) stay asleep; their kmap completes, and is theirs, when a kunmap wakes them.</summary>
        private bool AdoptSleepers()
        {
            var awake = 0;
            foreach (var task in _tasks)
            {
                task.Blocked = _machine.FindTask(task.Name)?.State == KernelVm.Tasks.TaskState.Blocked;
                awake += task.Blocked ? 0 : 1;
            }

            return awake > 0 ? true : throw Errors.AllTasksBlocked(string.Join(", ", System.Array.ConvertAll(_tasks, t => t.Name)));
        }

        private StepOutcome RunStep()
        {
            try
            {
                _runnable.Clear();
                foreach (var t in _tasks)
                {
                    if (!t.Blocked)
                    {
                        _runnable.Add(t);
                    }
                }

                var task = _runnable[_rng.Below(_runnable.Count)];
                var op = _options.Mix.Pick(_rng);
                if (op == WorkloadOp.Kmap && task.Held.Count >= _options.MaxHeld)
                {
                    op = WorkloadOp.Kunmap;
                }
                else if (op is WorkloadOp.Kunmap or WorkloadOp.Access && task.Held.Count == 0)
                {
                    op = WorkloadOp.Kmap;
                }

                var outcome = op switch
                {
                    WorkloadOp.Kmap => Kmap(task),
                    WorkloadOp.Kunmap => Kunmap(task),
                    WorkloadOp.KmapAtomic => KmapAtomic(task),
                    _ => Access(task),
                };
                outcome.Step = ++_step;
                if (outcome.Result == WorkloadResult.Blocked && System.Array.TrueForAll(_tasks, t => t.Blocked))
                {
                    // The last running task fell asleep: only a kunmap could wake the tasks, and none is left to make one.
                    Deadlocked = true;
                    outcome.Result = WorkloadResult.Deadlock;
                }

                return outcome;
            }
            catch (KernelVmException)
            {
                // The machine is unchanged (a failing call changes nothing) and so is the workload, but the run cannot go on.
                _failed = true;
                throw;
            }
        }

        private StepOutcome Kmap(WorkloadTask task)
        {
            var pfn = _sampler.Next(_rng);
            var kmap = _machine.Kmap(task.Name, pfn);
            if (kmap.Status == KmapStatus.Blocked)
            {
                task.Blocked = true;
                _sleeps++;
                return new StepOutcome(WorkloadOp.Kmap, task, pfn, WorkloadResult.Blocked, 0);
            }

            Hold(task, pfn, kmap.VirtualAddress);
            var result = kmap.Status switch
            {
                KmapStatus.Lowmem => WorkloadResult.Lowmem,
                KmapStatus.NewSlot => WorkloadResult.NewSlot,
                _ => WorkloadResult.Reused,
            };
            return new StepOutcome(WorkloadOp.Kmap, task, pfn, result, kmap.VirtualAddress);
        }

        private StepOutcome Kunmap(WorkloadTask task)
        {
            var index = _rng.Below(task.Held.Count);
            var held = task.Held[index];
            var kunmap = _machine.Kunmap(task.Name, held.Pfn);
            task.Release(index);
            _held--;
            foreach (var woken in kunmap.Woken)
            {
                Woke(woken);
            }

            var result = kunmap.Slot < 0 ? WorkloadResult.Lowmem
                : kunmap.Count > 1 ? WorkloadResult.InUse
                : kunmap.Woken.Count > 0 ? WorkloadResult.WokeWaiters
                : WorkloadResult.Stale;
            return new StepOutcome(WorkloadOp.Kunmap, task, held.Pfn, result, held.VirtualAddress);
        }

        /// <summary>kmap_atomic() then kunmap_atomic() on the task's CPU: atomic code holds the mapping only while it cannot sleep.</summary>
        private StepOutcome KmapAtomic(WorkloadTask task)
        {
            var pfn = _sampler.Next(_rng);
            var vaddr = _machine.KmapAtomic(task.Name, null, _atomicType, pfn);
            _machine.KunmapAtomic(task.Name, null, _atomicType, vaddr);
            var result = _machine.Memory.ZoneOf(pfn).IsHighMem ? WorkloadResult.Fixmap : WorkloadResult.Lowmem;
            return new StepOutcome(WorkloadOp.KmapAtomic, task, pfn, result, vaddr);
        }

        private StepOutcome Access(WorkloadTask task)
        {
            var held = task.Held[_rng.Below(task.Held.Count)];
            var (_, hit) = _machine.Access(task.Name, null, held.VirtualAddress);
            return new StepOutcome(WorkloadOp.Access, task, held.Pfn, hit ? WorkloadResult.TlbHit : WorkloadResult.TlbMiss, held.VirtualAddress);
        }

        /// <summary>A task woken on pkmap_map_wait retried its kmap: it holds the page now, or found no slot and sleeps again.</summary>
        private void Woke(KmapOutcome kmap)
        {
            _wakeups++;
            if (kmap.Status == KmapStatus.Blocked)
            {
                _sleeps++;
            }
            else if (_byName.TryGetValue(kmap.Task, out var task))
            {
                task.Blocked = false;
                Hold(task, kmap.Pfn, kmap.VirtualAddress);
            }
        }

        private void Hold(WorkloadTask task, ulong pfn, ulong vaddr)
        {
            task.Hold(pfn, vaddr);
            _held++;
        }

        /// <summary>The record of a step with the machine's state now; the caller holds kmap_lock.</summary>
        private WorkloadRecord Snapshot(StepOutcome outcome)
        {
            var pkmap = _machine.Pkmap;
            var (inUse, stale, free) = pkmap?.Occupancy() ?? (0, 0, 0);
            return new WorkloadRecord
            {
                Step = outcome.Step,
                Op = outcome.Op,
                Task = outcome.Task.Name,
                Pfn = outcome.Pfn,
                Result = outcome.Result,
                VirtualAddress = outcome.VirtualAddress,
                Sleeps = _sleeps,
                Wakeups = _wakeups,
                HeldKmaps = _held,
                SlotsInUse = pkmap is null ? null : inUse,
                StaleSlots = pkmap is null ? null : stale,
                FreeSlots = pkmap is null ? null : free,
                Flushes = pkmap?.Flushes,
                TlbFlushes = _machine.Tlb.FullFlushes,
                BlockedTasks = pkmap?.Waiters.Count ?? 0,
            };
        }
    }
}
