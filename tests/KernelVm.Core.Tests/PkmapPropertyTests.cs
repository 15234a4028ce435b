using KernelVm.Highmem;
using KernelVm.Paging;
using KernelVm.Profiles;
using KernelVm.Tasks;
using KernelVm.Trace;

namespace KernelVm.Core.Tests;

/// <summary>
/// Long random sequences of kmap, kunmap and kmap_atomic, several tasks, against the plain reference
/// model: slots, counts, last_pkmap_nr, hash contents, PTEs, flushes and blocked tasks must agree
/// after every step, and count >= 1 exactly when the hash holds the page exactly when the PTE is present.
/// </summary>
public sealed class PkmapPropertyTests
{
    private const int Steps = 600;
    private static readonly string[] TaskNames = { "a", "b", "c", "d" };
    private static readonly string[] Types = { "KM_USER0", "KM_USER1", "KM_IRQ0" };

    public static TheoryData<int, int, bool> Cases()
    {
        var data = new TheoryData<int, int, bool>();
        for (var seed = 1; seed <= 40; seed++)
        {
            data.Add(seed, seed % 3 == 0 ? 1024 : seed % 3 == 1 ? 4 : 8, seed % 2 == 0);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Model_matches_the_reference(int seed, int lastPkmap, bool pae)
    {
        var machine = Machine.Boot(new MachineConfig
        {
            MemorySize = 4UL << 30,
            Architecture = pae ? Architecture.X86Pae : Architecture.X86,
            Options = KernelConfig.R2,
        });
        var events = new EventLog();
        var hash = new PageAddressHash(lastPkmap, 0x9E370001);
        var pkmap = new Pkmap(lastPkmap, machine.Layout.PkmapBase!.Value, machine.PageTables!, machine.Prot.PageKernel, hash,
            machine.Memory.PfnToPage, events, machine.Tlb);
        var reference = new ReferencePkmap(lastPkmap);
        var tasks = TaskNames.ToDictionary(n => n, n => new VmTask(n, 0, 0));
        var atomic = new Dictionary<(int Cpu, string Type), ulong>();
        var random = new Random(seed);
        var pages = Enumerable.Range(0, lastPkmap + 3).Select(i => 0x40000UL + (ulong)i * 7).ToArray();
        var flushes = new FlushCounter(events);

        for (var step = 0; step < Steps; step++)
        {
            var context = $"seed {seed}, step {step}";
            var roll = random.Next(10);
            var taskName = TaskNames[random.Next(TaskNames.Length)];
            var task = tasks[taskName];
            var pfn = pages[random.Next(pages.Length)];
            if (roll < 5)
            {
                if (task.State == TaskState.Blocked)
                {
                    Assert.Throws<InvalidOperationException>(() => reference.Kmap(taskName, pfn));
                    continue;
                }

                var expectedSlot = reference.Kmap(taskName, pfn);
                var outcome = pkmap.KmapHigh(task, pfn, false);
                Assert.True(expectedSlot == outcome.Slot, context + ": kmap slot");
            }
            else if (roll < 8)
            {
                var mapped = reference.SlotOf(pfn) is { } s && reference.Count[s] > 1;
                if (mapped)
                {
                    reference.Kunmap(pfn);
                    pkmap.KunmapHigh(task, pfn);
                }
                else
                {
                    var e = Assert.Throws<KernelVmException>(() => pkmap.KunmapHigh(task, pfn));
                    Assert.Contains(e.ErrorId, new[] { Errors.KunmapNotMapped, Errors.PkmapCountZero });
                }
            }
            else
            {
                var cpu = random.Next(machine.Options.NrCpus);
                var type = Types[random.Next(Types.Length)];
                if (atomic.TryGetValue((cpu, type), out var held))
                {
                    var vaddr = machine.Atomic!.FixToVirt(machine.Atomic.FixmapIndex(cpu, machine.Kernel.KmTypeValue(type, false)));
                    Assert.True(machine.KunmapAtomic(taskName, cpu, type, vaddr), context);
                    atomic.Remove((cpu, type));
                }
                else
                {
                    machine.KmapAtomic(taskName, cpu, type, pfn);
                    atomic[(cpu, type)] = pfn;
                }
            }

            Compare(context, pkmap, hash, reference, tasks, flushes.Count(), machine, atomic, pages);
        }
    }

    private static void Compare(string context, Pkmap pkmap, PageAddressHash hash, ReferencePkmap reference,
        Dictionary<string, VmTask> tasks, int flushes, Machine machine, Dictionary<(int Cpu, string Type), ulong> atomic, ulong[] pages)
    {
        Assert.True(reference.Last == pkmap.LastPkmapNr, context + ": last_pkmap_nr");
        var hashed = hash.Entries().ToDictionary(e => e.Pfn, e => e.Virtual);
        for (var slot = 0; slot < pkmap.LastPkmap; slot++)
        {
            Assert.True(reference.Count[slot] == pkmap.Count(slot), context + ": pkmap_count[" + slot + "]");
            Assert.True(reference.Slot[slot] == pkmap.PfnAt(slot), context + ": PTE of slot " + slot);
            var inUse = pkmap.Count(slot) >= 1;
            var ptePresent = (pkmap.Pte(slot) & (ulong)PteFlags.Present) != 0;
            var inHash = ptePresent && hashed.TryGetValue(pkmap.PfnAt(slot)!.Value, out var v) && v == pkmap.Address(slot);
            Assert.True(inUse == ptePresent && ptePresent == inHash, context + ": invariant at slot " + slot);
            if (ptePresent)
            {
                Assert.Equal(pkmap.PfnAt(slot)!.Value << 12 | machine.Prot.PageKernel, pkmap.Pte(slot));
            }
        }

        Assert.True(hashed.Count == reference.Slot.Count(s => s is not null), context + ": hash size");
        var referenceSlots = Enumerable.Range(0, pkmap.LastPkmap).Where(i => reference.Slot[i] is not null).ToDictionary(i => reference.Slot[i]!.Value);
        foreach (var pfn in pages)
        {
            var page = machine.Memory.PfnToPage(pfn);
            Assert.True(hash.Lookup(page) == (referenceSlots.TryGetValue(pfn, out var s) ? pkmap.Address(s) : 0UL), context + ": page_address");
        }

        foreach (var entry in hash.Entries())
        {
            Assert.Equal(hash.BucketOf(machine.Memory.PfnToPage(entry.Pfn)), entry.Bucket);
        }

        Assert.True(reference.Flushes == flushes, context + ": flushes");
        Assert.Equal(reference.Waiters.Select(w => (w.Task, w.Pfn)),
            pkmap.Waiters.Select(t => (t.Name, t.WaitingForPfn!.Value)));
        Assert.All(tasks.Values, t => Assert.Equal(t.State == TaskState.Blocked, reference.Waiters.Any(w => w.Task == t.Name)));

        foreach (var ((cpu, type), pfn) in atomic)
        {
            Assert.Equal(pfn << 12 | machine.Prot.PageKernel, machine.Atomic!.Pte(cpu, machine.Kernel.KmTypeValue(type, false)));
        }
    }

    /// <summary>Counts TLB flushes from the events recorded since the last look.</summary>
    private sealed class FlushCounter(EventLog events)
    {
        private long _seen;
        private int _count;

        public int Count()
        {
            foreach (var e in events.Since(_seen))
            {
                _count += e.Kind == EventKind.TlbFlushAll ? 1 : 0;
            }

            _seen = events.NextSequence;
            return _count;
        }
    }
}
