using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KernelVm.Highmem;
using KernelVm.Physical;
using KernelVm.Profiles;
using KernelVm.Tasks;
using KernelVm.Workloads;

namespace KernelVm.Core.Tests;

/// <summary>The workload engine: reproducible from its seed, consistent with pkmap after every step, and never stuck.</summary>
public sealed class WorkloadTests
{
    private static readonly WorkloadMix Everything = Mix(("Kmap", 4), ("Kunmap", 3), ("KmapAtomic", 1), ("Access", 2));

    public static TheoryData<string> Machines() => new() { "2.6.24 X86", "2.6.24 X86Pae", "2.4.22 X86", "6.x X86", "2.6.24 X86_64", "2.6.24 lowmem" };

    [Theory]
    [MemberData(nameof(Machines))]
    public void The_same_seed_gives_the_same_records_on_a_fresh_machine(string machine)
    {
        var options = Options(machine, seed: 7) with { Count = 3000, PageCount = 1500, MaxHeld = 100, TaskCount = 6 };
        var first = new Workload(Boot(machine), options).Run().ToList();
        var second = new Workload(Boot(machine), options).Run().ToList();

        Assert.Equal(first, second);
        Assert.Equal(3000, first.Count);
    }

    [Fact]
    public void Different_seeds_give_different_runs()
    {
        var runs = Enumerable.Range(1, 5)
            .Select(seed => new Workload(Boot("2.6.24 X86"), Options("2.6.24 X86", seed)).Run().ToList())
            .ToList();

        for (var i = 0; i < runs.Count; i++)
        {
            for (var j = i + 1; j < runs.Count; j++)
            {
                Assert.NotEqual(runs[i], runs[j]);
            }
        }
    }

    [Fact]
    public void A_seed_keeps_its_steps_across_versions_of_the_module()
    {
        // The promise Invoke-VmWorkload documents, checked against an independent reimplementation of
        // the draws (splitmix64, then: task among the runnable, op by weight, page or held kmap by index).
        // A change to the draws (their order, the generator, the page set) breaks it.
        var machine = Boot("2.6.24 X86");
        var records = new Workload(machine, new WorkloadOptions { Seed = 1, Mix = Everything, Count = 12 }).Run().ToList();

        Assert.Equal(
            new[]
            {
                "1 Kmap task1 0x7FD5E", "2 Kmap task3 0x7FA80", "3 Kmap task1 0x7FDA8", "4 KmapAtomic task2 0x7FBFE",
                "5 Kmap task0 0x7FFA8", "6 Kunmap task3 0x7FA80", "7 Kmap task2 0x7FF46", "8 Kunmap task0 0x7FFA8",
                "9 Kmap task3 0x7F935", "10 Kmap task3 0x7FF8A", "11 Kmap task0 0x7FC6D", "12 Kunmap task0 0x7FC6D",
            },
            records.Select(r => $"{r.Step} {r.Op} {r.Task} 0x{r.Pfn:X}"));
    }

    [Theory]
    [MemberData(nameof(Machines))]
    public void Pkmap_counts_match_the_kmaps_the_tasks_hold_after_every_step(string name)
    {
        var machine = Boot(name);
        // 6 x 250 kmaps of 8000 pages to hold, more than 1024 slots: slots run out, tasks sleep and are woken.
        var workload = new Workload(machine, Options(name, seed: 3) with
        {
            Count = 5000, PageCount = 8000, MaxHeld = 250, TaskCount = 6, Mix = MixFor(name, kmap: 6, kunmap: 2, atomic: 1, access: 1),
        });
        var sawSleep = false;
        while (workload.Next() is { } record)
        {
            var context = $"{name}, step {record.Step}";
            sawSleep |= record.Sleeps > 0;
            Assert.True(workload.Tasks.Sum(t => t.Held.Count) == record.HeldKmaps, context + ": HeldKmaps");
            CheckAgainstPkmap(machine, workload, record, context);
        }

        Assert.True(workload.Finished);
        Assert.Equal(HasHighmem(machine), sawSleep);
    }

    [Fact]
    public void A_run_that_uses_up_every_slot_ends_in_deadlock_instead_of_hanging()
    {
        // Two tasks kmap distinct pages in turn and never let go: 1024 kmaps take every slot (slot 0
        // after the wrap), the 1025th puts its task to sleep, and the next kmap of the other task too.
        var machine = Boot("2.6.24 X86");
        var workload = new Workload(machine, new WorkloadOptions
        {
            TaskCount = 2, PageCount = 4096, Pattern = WorkloadPattern.Sequential, MaxHeld = 4096,
            Mix = Mix(("Kmap", 1)), Count = 100_000,
        });
        var records = workload.Run().ToList();
        var last = records[^1];

        Assert.Equal(1026, last.Step);
        Assert.Equal(WorkloadResult.Deadlock, last.Result);
        Assert.Equal(WorkloadResult.Blocked, records[^2].Result);
        Assert.All(records.Take(1024), r => Assert.Equal(WorkloadResult.NewSlot, r.Result));
        Assert.True(workload.Deadlocked && workload.Finished);
        Assert.Null(workload.Next());
        Assert.Equal((1024, 0, 0), machine.Pkmap!.Occupancy());
        Assert.Equal(2, last.BlockedTasks);
        Assert.All(workload.Tasks, t => Assert.True(t.Blocked));
        Assert.Equal(new[] { "task0", "task1" }.OrderBy(n => n), machine.Pkmap.Waiters.Select(t => t.Name).OrderBy(n => n));
    }

    [Fact]
    public void A_kunmap_wakes_the_sleeping_tasks_whose_kmaps_then_complete_and_are_held()
    {
        var machine = Boot("2.6.24 X86");
        var workload = new Workload(machine, Options("2.6.24 X86", seed: 11) with
        {
            Count = 40_000, PageCount = 8000, MaxHeld = 250, TaskCount = 5, Mix = MixFor("2.6.24 X86", kmap: 4, kunmap: 3, atomic: 0, access: 1),
        });
        var wokenHolding = 0;
        var sleepers = new Dictionary<string, ulong>();
        while (workload.Next() is { } record)
        {
            if (record.Result == WorkloadResult.WokeWaiters)
            {
                Assert.Equal(sleepers.Count, record.Wakeups);
                foreach (var task in workload.Tasks.Where(t => sleepers.ContainsKey(t.Name) && !t.Blocked))
                {
                    Assert.Contains(task.Held, h => h.Pfn == sleepers[task.Name]);
                    wokenHolding++;
                }
            }

            sleepers = workload.Tasks.Where(t => t.Blocked).ToDictionary(t => t.Name, t => machine.FindTask(t.Name)!.WaitingForPfn!.Value);
        }

        Assert.True(wokenHolding > 0);
        Assert.True(workload.Deadlocked, "the tasks held more kmaps than there are slots, and ended in the kmap deadlock");
    }

    [Fact]
    public void An_interval_record_is_the_last_step_of_the_interval_with_its_sleeps_and_wakeups_added_up()
    {
        var options = Options("2.6.24 X86", seed: 5) with { Count = 1005, PageCount = 4096, MaxHeld = 300, TaskCount = 5 };
        var steps = new Workload(Boot("2.6.24 X86"), options).Run().ToList();
        var intervals = new Workload(Boot("2.6.24 X86"), options with { Interval = 100 }).Run().ToList();

        Assert.Equal(new long[] { 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1005 }, intervals.Select(r => r.Step));
        var from = 0L;
        foreach (var interval in intervals)
        {
            var covered = steps.Where(s => s.Step > from && s.Step <= interval.Step).ToList();
            from = interval.Step;
            var lastStep = covered[^1];
            Assert.Equal(lastStep with { Sleeps = 0, Wakeups = 0 }, interval with { Sleeps = 0, Wakeups = 0 });
            Assert.Equal(covered.Sum(s => s.Sleeps), interval.Sleeps);
            Assert.Equal(covered.Sum(s => s.Wakeups), interval.Wakeups);
        }
    }

    [Fact]
    public void Cancelling_stops_between_steps_and_the_rest_of_the_run_is_unchanged()
    {
        var options = Options("2.6.24 X86", seed: 9) with { Count = 600, PageCount = 4096, MaxHeld = 300, TaskCount = 5 };
        var whole = new Workload(Boot("2.6.24 X86"), options with { Interval = 50 }).Run().ToList();

        var workload = new Workload(Boot("2.6.24 X86"), options with { Interval = 50 });
        using var cancel = new CancellationTokenSource();
        Assert.NotNull(workload.Next());
        var stopped = workload.Next(cancel.Token, step => { if (step == 73) cancel.Cancel(); });
        Assert.Equal(73, stopped!.Step);
        Assert.Equal(73, workload.Completed);
        Assert.Null(workload.Next(cancel.Token));

        var rest = new List<WorkloadRecord>();
        while (workload.Next() is { } record)
        {
            rest.Add(record);
        }

        Assert.Equal(whole.Skip(2).Select(r => r with { Sleeps = 0, Wakeups = 0 }), rest.Skip(1).Select(r => r with { Sleeps = 0, Wakeups = 0 }));
        Assert.Equal(whole[1] with { Sleeps = 0, Wakeups = 0 }, rest[0] with { Sleeps = 0, Wakeups = 0 });
    }

    [Theory]
    [InlineData(WorkloadPattern.Sequential)]
    [InlineData(WorkloadPattern.Random)]
    [InlineData(WorkloadPattern.HotCold)]
    public void The_pattern_decides_which_pages_are_mapped(WorkloadPattern pattern)
    {
        var workload = new Workload(Boot("2.6.24 X86"), new WorkloadOptions
        {
            Seed = 2, PageCount = 1000, Pattern = pattern, Mix = Mix(("Kmap", 1), ("Kunmap", 1)), MaxHeld = 2, Count = 20_000,
        });
        var picked = workload.Run().Where(r => r.Op == WorkloadOp.Kmap).Select(r => (int)(r.Pfn - workload.Pages[0])).ToList();

        Assert.All(picked, i => Assert.InRange(i, 0, 999));
        var hot = picked.Count(i => i < workload.HotPages);
        switch (pattern)
        {
            case WorkloadPattern.Sequential:
                Assert.Equal(Enumerable.Range(0, picked.Count).Select(i => i % 1000), picked);
                break;
            case WorkloadPattern.Random:
                // The first 200 pages get about a fifth of the picks.
                Assert.InRange(hot / (double)picked.Count, 0.17, 0.23);
                break;
            default:
                Assert.Equal(200, workload.HotPages);
                Assert.InRange(hot / (double)picked.Count, 0.77, 0.83);
                break;
        }
    }

    [Fact]
    public void On_x86_64_kmap_is_the_direct_map_and_nothing_counts_slots()
    {
        var machine = Boot("2.6.24 X86_64");
        var records = new Workload(machine, Options("2.6.24 X86_64", seed: 4)).Run().ToList();

        Assert.All(records, r =>
        {
            Assert.Contains(r.Result, new[] { WorkloadResult.Lowmem, WorkloadResult.TlbHit, WorkloadResult.TlbMiss });
            Assert.Null(r.SlotsInUse);
            Assert.Null(r.Flushes);
            Assert.Equal(machine.PageOffset + (r.Pfn << 12), r.VirtualAddress);
        });
        Assert.Contains(records, r => r.Result == WorkloadResult.TlbHit);
    }

    [Fact]
    public void Tasks_asleep_from_an_earlier_run_stay_asleep_and_run_no_step()
    {
        var machine = Boot("2.6.24 X86");
        var deadlock = new WorkloadOptions { TaskCount = 2, PageCount = 4096, Pattern = WorkloadPattern.Sequential, MaxHeld = 4096, Mix = Mix(("Kmap", 1)) };
        Assert.Equal(WorkloadResult.Deadlock, new Workload(machine, deadlock with { Count = 2000 }).Run().Last().Result);

        var again = Assert.Throws<KernelVmException>(() => new Workload(machine, deadlock));
        Assert.Equal(Errors.WorkloadTasksBlocked, again.ErrorId);

        // task2 joins the sleepers: only it can run, and its first kmap, of a page not mapped yet, finds no slot either.
        var workload = new Workload(machine, deadlock with { TaskCount = 3, Pfns = new PfnRange(machine.MaxPfn - 1, 1) });
        Assert.Equal(new[] { true, true, false }, workload.Tasks.Select(t => t.Blocked));
        var record = Assert.Single(workload.Run());
        Assert.Equal(("task2", WorkloadResult.Deadlock, 3), (record.Task, record.Result, record.BlockedTasks));
    }

    [Fact]
    public void Bad_options_are_refused_before_anything_changes()
    {
        var machine = Boot("2.6.24 X86");
        var before = machine.Events.NextSequence;

        Assert.Equal(Errors.WorkloadOptionInvalid, Refused(machine, new WorkloadOptions { Count = 0 }));
        Assert.Equal(Errors.WorkloadOptionInvalid, Refused(machine, new WorkloadOptions { Count = WorkloadOptions.MaxCount + 1L }));
        Assert.Equal(Errors.WorkloadOptionInvalid, Refused(machine, new WorkloadOptions { Interval = 0 }));
        Assert.Equal(Errors.WorkloadOptionInvalid, Refused(machine, new WorkloadOptions { MaxHeld = 0 }));
        Assert.Equal(Errors.WorkloadOptionInvalid, Refused(machine, new WorkloadOptions { TaskCount = 0 }));
        Assert.Equal(Errors.WorkloadOptionInvalid, Refused(machine, new WorkloadOptions { HotPercent = 100 }));
        Assert.Equal(Errors.WorkloadOptionInvalid, Refused(machine, new WorkloadOptions { HotAccessPercent = 101 }));
        Assert.Equal(Errors.WorkloadOptionInvalid, Refused(machine, new WorkloadOptions { PageCount = (int)machine.MaxPfn + 1 }));
        Assert.Equal(Errors.WorkloadOptionInvalid, Refused(machine, new WorkloadOptions { Tasks = new[] { "a", "A" } }));
        Assert.Equal(Errors.WorkloadOptionInvalid, Refused(machine, new WorkloadOptions { Pfns = Array.Empty<ulong>() }));
        Assert.Equal(Errors.PfnOutOfRange, Refused(machine, new WorkloadOptions { Pfns = new[] { machine.MaxPfn } }));
        Assert.Equal(before, machine.Events.NextSequence);
    }

    [Theory]
    [InlineData("Kmap", -1)]
    [InlineData("Kmap", 0.5)]
    [InlineData("Kmap", true)]
    [InlineData("Kmap", "x")]
    [InlineData("Kmap", null)]
    [InlineData("Kmap", 1_000_001)]
    [InlineData("Flush", 1)]
    [InlineData(3, 1)]
    [InlineData(null, 1)]
    [InlineData("Kmap", 0)]
    public void A_bad_mix_is_WorkloadMixInvalid(object? key, object? weight)
    {
        var e = Assert.Throws<KernelVmException>(() => WorkloadMix.Parse(new[] { new KeyValuePair<object?, object?>(key, weight) }));

        Assert.Equal(Errors.WorkloadMixInvalid, e.ErrorId);
    }

    [Fact]
    public void A_mix_reads_names_in_any_case_and_weights_of_any_whole_type()
    {
        var mix = WorkloadMix.Parse(new[]
        {
            new KeyValuePair<object?, object?>("kmap", 3L), new KeyValuePair<object?, object?>("KUNMAP", "2"),
            new KeyValuePair<object?, object?>(WorkloadOp.Access, 1.0), new KeyValuePair<object?, object?>("KmapAtomic", (byte)0),
        });

        Assert.Equal("Kmap 3, Kunmap 2, Access 1", mix.ToString());
        Assert.Equal(6, mix.Total);
        var twice = Assert.Throws<KernelVmException>(() => WorkloadMix.Parse(new[]
        {
            new KeyValuePair<object?, object?>("Kmap", 1), new KeyValuePair<object?, object?>("kmap", 1),
        }));
        Assert.Equal(Errors.WorkloadMixInvalid, twice.ErrorId);
    }

    /// <summary>After a step: what the tasks hold is what pkmap counts, page by page, and the record reports the state as it is.</summary>
    private static void CheckAgainstPkmap(Machine machine, Workload workload, WorkloadRecord record, string context)
    {
        var waiters = machine.Pkmap?.Waiters.Select(t => t.Name).ToHashSet() ?? new HashSet<string>();
        Assert.All(workload.Tasks, t => Assert.True(t.Blocked == waiters.Contains(t.Name), context + ": " + t.Name + " blocked"));
        Assert.Equal(waiters.Count, record.BlockedTasks);
        if (machine.Pkmap is not { } pkmap)
        {
            return;
        }

        var holders = new Dictionary<ulong, int>();
        foreach (var held in workload.Tasks.SelectMany(t => t.Held))
        {
            if (machine.Memory.ZoneOf(held.Pfn).Type == ZoneType.HighMem)
            {
                Assert.True(pkmap.PageAddress(held.Pfn) == held.VirtualAddress, context + ": page_address of a held page");
                holders[held.Pfn] = holders.GetValueOrDefault(held.Pfn) + 1;
            }
        }

        var users = 0;
        for (var slot = 0; slot < pkmap.LastPkmap; slot++)
        {
            var count = pkmap.Count(slot);
            if (count >= 1)
            {
                var pfn = pkmap.PfnAt(slot)!.Value;
                Assert.True(count - 1 == holders.GetValueOrDefault(pfn), context + ": pkmap_count[" + slot + "] against the holders of its page");
                users += count - 1;
            }
            else
            {
                Assert.True(pkmap.PfnAt(slot) is null, context + ": a free slot maps nothing");
            }
        }

        Assert.Equal(holders.Values.Sum(), users);
        var (inUse, stale, free) = pkmap.Occupancy();
        Assert.Equal((inUse, stale, free), (record.SlotsInUse!.Value, record.StaleSlots!.Value, record.FreeSlots!.Value));
        Assert.Equal(pkmap.LastPkmap, inUse + stale + free);
        Assert.Equal(pkmap.Flushes, record.Flushes);
        Assert.Equal(machine.Tlb.FullFlushes, record.TlbFlushes);
    }

    private static bool HasHighmem(Machine machine) => machine.HighStartPfn < machine.MaxPfn;

    private static string Refused(Machine machine, WorkloadOptions options) =>
        Assert.Throws<KernelVmException>(() => new Workload(machine, options)).ErrorId;

    private static WorkloadOptions Options(string machine, long seed) => new() { Seed = seed, Mix = MixFor(machine, 4, 3, 1, 2) };

    /// <summary>6.x has no kmap_atomic the model simulates: its mixes leave it out.</summary>
    private static WorkloadMix MixFor(string machine, int kmap, int kunmap, int atomic, int access) =>
        Mix(("Kmap", kmap), ("Kunmap", kunmap), ("KmapAtomic", machine.StartsWith("6.x", StringComparison.Ordinal) ? 0 : atomic), ("Access", access));

    private static WorkloadMix Mix(params (string Op, int Weight)[] weights) =>
        WorkloadMix.Parse(weights.Select(w => new KeyValuePair<object?, object?>(w.Op, w.Weight)));

    private static Machine Boot(string name)
    {
        var parts = name.Split(' ');
        var lowmem = parts[1] == "lowmem";
        return Machine.Boot(new MachineConfig
        {
            Kernel = KernelProfile.Find(parts[0])!,
            Architecture = lowmem ? Architecture.X86 : Enum.Parse<Architecture>(parts[1]),
            MemorySize = lowmem ? 512UL << 20 : 2UL << 30,
        });
    }
}
