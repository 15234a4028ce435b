using System.Collections.Generic;
using System.Linq;
using KernelVm.Highmem;
using KernelVm.State;
using KernelVm.Tasks;
using KernelVm.Tlb;
using KernelVm.Trace;

namespace KernelVm
{
    /// <summary>
    /// Saving and restoring what a machine has done since boot. A machine is its configuration (boot
    /// rebuilds everything else exactly) plus the state calls changed: pkmap_count[], last_pkmap_nr,
    /// the wait queue, page_address(), the page-table entries written, the TLBs, the tasks and the log.
    /// </summary>
    public sealed partial class Machine
    {
        /// <summary>An independent machine in the same state, under another name: boot the same configuration, then restore.</summary>
        public Machine Copy(string name) => FromSaved(Save(), name);

        /// <summary>
        /// page_address()'s mappings in lookup order: bucket by bucket along each chain, with the
        /// page_address_map entry each uses (bucket and entry -1 for 2.4.22's page->virtual).
        /// </summary>
        public IReadOnlyList<(int Bucket, int Position, int Entry, ulong Pfn, ulong Virtual)> PageAddressMappings()
        {
            lock (_kmapLock)
            {
                var list = new List<(int, int, int, ulong, ulong)>();
                var position = 0;
                var bucket = int.MinValue;
                foreach (var e in Pkmap?.Store.Entries() ?? Enumerable.Empty<(int, int, ulong, ulong, ulong)>())
                {
                    position = e.Bucket == bucket ? position + 1 : 0;
                    bucket = e.Bucket;
                    list.Add((e.Bucket, position, e.Entry, e.Pfn, e.Virtual));
                }

                return list;
            }
        }

        /// <summary>The page-table entries changed since boot (kmap, kmap_atomic, set_fixmap), with the virtual address each maps, by address.</summary>
        public IReadOnlyList<(string Level, ulong Virtual, ulong Table, int Index, ulong Value)> WrittenPageTableEntries()
        {
            lock (_kmapLock)
            {
                if (PageTables is not { } tables)
                {
                    return new (string, ulong, ulong, int, ulong)[0];
                }

                var bases = tables.VirtualBases();
                return tables.WrittenEntries(sinceBoot: true)
                    .Where(e => bases.ContainsKey(e.Table))
                    .Select(e => (Level: tables.Geometry.Levels[bases[e.Table].Level], Base: bases[e.Table].Base, e))
                    .Select(x => (x.Level.Name, x.Base + ((ulong)x.e.Index << x.Level.Shift), x.e.Table, x.e.Index, x.e.Value))
                    .OrderBy(x => x.Item2).ThenBy(x => x.Name)
                    .ToList();
            }
        }

        internal SavedMachine Save()
        {
            lock (_kmapLock)
            {
                return new SavedMachine
                {
                    Format = MachineFile.FormatName,
                    Version = MachineFile.CurrentVersion,
                    Config = SavedConfigs.From(Config),
                    State = SaveState(),
                };
            }
        }

        /// <summary>Boots a saved machine's configuration and restores its state; refuses a file whose parts disagree.</summary>
        internal static Machine FromSaved(SavedMachine saved, string? name)
        {
            var config = SavedConfigs.To(saved.Config!);
            var machine = Boot(name is null ? config : config with { Name = name });
            machine.RestoreState(saved.State!);
            var problems = machine.CheckConsistency();
            if (problems.Count > 0)
            {
                throw Errors.MachineFileInconsistentError(problems);
            }

            return machine;
        }

        private SavedState SaveState()
        {
            var pkmap = Pkmap;
            var state = new SavedState
            {
                LastPkmapNr = pkmap?.LastPkmapNr ?? 0,
                PkmapCount = pkmap is null ? null : Enumerable.Range(0, pkmap.LastPkmap).Select(pkmap.Count).ToList(),
                PkmapWaiters = pkmap?.Waiters.Select(t => t.Name).ToList(),
                PageAddress = pkmap?.Store.Entries().Select(e => new SavedPageAddress { Bucket = e.Bucket, Entry = e.Entry, Pfn = Hex.Format(e.Pfn), Virtual = Hex.Format(e.Virtual) }).ToList(),
                PageAddressPool = pkmap?.Store.Pool().ToList(),
                PageTableEntries = PageTables?.WrittenEntries().OrderBy(e => e.Table).ThenBy(e => e.Index)
                    .Select(e => new SavedTableEntry { Table = Hex.Format(e.Table), Index = e.Index, Value = Hex.Format(e.Value) }).ToList(),
                FixmapsSet = FixmapsSet,
                Tlb = Enumerable.Range(0, Tlb.Cpus).SelectMany(Tlb.Entries).OrderBy(e => e.Cpu).ThenBy(e => e.VirtualPage)
                    .Select(e => new SavedTlbEntry { Cpu = e.Cpu, VirtualPage = Hex.Format(e.VirtualPage), Pfn = Hex.Format(e.Pfn), Global = e.Global }).ToList(),
                Tasks = _tasks.Values.Select(SaveTask).ToList(),
                CurrentTasks = _curr.Select(t => t?.Name).ToList(),
                KmapLocalWarned = Local?.Warned().ToList(),
                PkmapFlushes = pkmap?.Flushes ?? 0,
                TlbFullFlushes = Tlb.FullFlushes,
                Events = new SavedEvents
                {
                    NextSequence = Events.NextSequence,
                    Items = Events.Since(0).Select(e => new SavedEvent
                    {
                        Sequence = e.Sequence, Kind = e.Kind.ToString(), Task = e.Task, Cpu = e.Cpu, Slot = e.Slot, Pfn = e.Pfn,
                        Address = Hex.Format(e.Address), Bucket = e.Bucket, Count = e.Count, Detail = e.Detail,
                    }).ToList(),
                },
            };
            return state;
        }

        private static SavedTask SaveTask(VmTask t) => new()
        {
            Name = t.Name,
            Cpu = t.Cpu,
            State = t.State.ToString(),
            WaitingForPfn = t.WaitingForPfn is { } pfn ? Hex.Format(pfn) : null,
            Wakeups = t.Wakeups,
            LastKmap = t.LastKmap is { } k
                ? new SavedKmap { Pfn = Hex.Format(k.Pfn), Status = k.Status.ToString(), Virtual = Hex.Format(k.VirtualAddress), Slot = k.Slot, Count = k.Count, Wrapped = k.Wrapped, Flushed = k.Flushed }
                : null,
            KmapCtrlIdx = t.KmapCtrl.Idx,
            KmapCtrlPteval = t.KmapCtrl.Idx == 0 ? null : t.KmapCtrl.Pteval.Take(t.KmapCtrl.Idx).Select(Hex.Format).ToList(),
            PagefaultDisabled = t.PagefaultDisabled,
        };

        /// <summary>Restores a freshly booted machine; every value is range-checked here, agreement between parts afterwards.</summary>
        private void RestoreState(SavedState s)
        {
            var tasks = new List<VmTask>();
            foreach (var t in s.Tasks ?? new List<SavedTask>())
            {
                var name = t.Name ?? throw Errors.MachineFileInvalidError("tasks", "a task has no name");
                if (tasks.Any(x => string.Equals(x.Name, name, System.StringComparison.OrdinalIgnoreCase)))
                {
                    throw Errors.MachineFileInvalidError("tasks", "task " + name + " appears twice");
                }

                var task = new VmTask(name, Range(t.Cpu, 0, Options.NrCpus, "tasks." + name + ".cpu"), Local?.KmMaxIdx ?? 0)
                {
                    PagefaultDisabled = Range(t.PagefaultDisabled, 0, int.MaxValue, "tasks." + name + ".pagefaultDisabled"),
                    State = SavedEnum.Parse<TaskState>(t.State, "tasks." + name + ".state"),
                    WaitingForPfn = t.WaitingForPfn is null ? null : Hex.Parse(t.WaitingForPfn, "tasks." + name + ".waitingForPfn"),
                    Wakeups = Range(t.Wakeups, 0, int.MaxValue, "tasks." + name + ".wakeups"),
                };
                if (t.LastKmap is { } k)
                {
                    var field = "tasks." + name + ".lastKmap";
                    task.LastKmap = new KmapOutcome(name, Hex.Parse(k.Pfn, field + ".pfn"), SavedEnum.Parse<KmapStatus>(k.Status, field + ".status"),
                        Hex.Parse(k.Virtual, field + ".virtual"), k.Slot, k.Count, k.Wrapped, k.Flushed);
                }

                // kmap_ctrl: idx and the PTEs saved below it (slots above idx are always 0).
                var pteval = t.KmapCtrlPteval ?? new List<string>();
                task.KmapCtrl.Idx = Range(t.KmapCtrlIdx, 0, (Local?.KmMaxIdx ?? 0) + 1, "tasks." + name + ".kmapCtrlIdx");
                if (pteval.Count != task.KmapCtrl.Idx)
                {
                    throw Errors.MachineFileInvalidError("tasks." + name + ".kmapCtrlPteval", "kmap_ctrl holds " + task.KmapCtrl.Idx + " slots, so it needs as many saved PTEs");
                }

                for (var i = 0; i < pteval.Count; i++)
                {
                    task.KmapCtrl[i] = Hex.Parse(pteval[i], "tasks." + name + ".kmapCtrlPteval");
                }

                tasks.Add(task);
            }

            var current = s.CurrentTasks ?? new List<string?>();
            if (current.Count != 0 && current.Count != _curr.Length)
            {
                throw Errors.MachineFileInvalidError("currentTasks", "one entry per CPU (" + _curr.Length + "), null where none runs");
            }

            for (var cpu = 0; cpu < current.Count; cpu++)
            {
                _curr[cpu] = current[cpu] is { } running
                    ? tasks.Find(t => string.Equals(t.Name, running, System.StringComparison.OrdinalIgnoreCase)) ?? throw Errors.MachineFileInvalidError("currentTasks", "task " + running + " is not a task")
                    : null;
            }

            Local?.RestoreWarned(s.KmapLocalWarned ?? new List<string>());
            Tlb.FullFlushes = s.TlbFullFlushes >= 0 ? s.TlbFullFlushes : throw Errors.MachineFileInvalidError("tlbFullFlushes", "a count cannot be negative");
            if (Pkmap is { } flushed)
            {
                flushed.Flushes = s.PkmapFlushes >= 0 ? s.PkmapFlushes : throw Errors.MachineFileInvalidError("pkmapFlushes", "a count cannot be negative");
            }

            var maxEntries = PageTables is null ? 0 : PageTables.Geometry.Levels.Max(l => l.Entries);
            foreach (var entry in s.PageTableEntries ?? new List<SavedTableEntry>())
            {
                var physical = Hex.Parse(entry.Table, "pageTableEntries.table");
                if (PageTables is null || (physical & (PageSize - 1)) != 0 || physical >> PageShift >= MaxPfn)
                {
                    throw Errors.MachineFileInvalidError("pageTableEntries", "no page table can be at " + entry.Table + " in this machine");
                }

                // A table set_fixmap added at run time on x86-64 (spp_getpage()): the page is taken from bootmem again.
                if (!PageTables.HasTable(physical))
                {
                    BootMem.Reserve(physical, physical + PageSize, SppGetpageReason);
                    PageTables.AddTable(physical);
                }

                PageTables.Table(physical)![Range(entry.Index, 0, maxEntries, "pageTableEntries.index")] = Hex.Parse(entry.Value, "pageTableEntries.value");
            }

            if (Pkmap is { } pkmap)
            {
                var counts = s.PkmapCount ?? throw Errors.MachineFileInvalidError("pkmapCount", "a machine with pkmaps needs pkmap_count[]");
                if (counts.Count != pkmap.LastPkmap || counts.Any(c => c < 0))
                {
                    throw Errors.MachineFileInvalidError("pkmapCount", "pkmap_count[] must hold LAST_PKMAP (" + pkmap.LastPkmap + ") counts, none negative");
                }

                var waiters = (s.PkmapWaiters ?? new List<string>()).Select(n => tasks.Find(t => string.Equals(t.Name, n, System.StringComparison.OrdinalIgnoreCase))
                    ?? throw Errors.MachineFileInvalidError("pkmapWaiters", "waiter " + n + " is not a task")).ToList();
                pkmap.Restore(Range(s.LastPkmapNr, 0, pkmap.LastPkmap, "lastPkmapNr"), counts, waiters);
                RestorePageAddresses(pkmap, s);
            }

            foreach (var e in s.Tlb ?? new List<SavedTlbEntry>())
            {
                Tlb.Load(new TlbEntry(Range(e.Cpu, 0, Tlb.Cpus, "tlb.cpu"), Hex.Parse(e.VirtualPage, "tlb.virtualPage"), Hex.Parse(e.Pfn, "tlb.pfn"), e.Global));
            }

            var events = s.Events ?? throw Errors.MachineFileInvalidError("events", "the event log is missing");
            var items = events.Items ?? new List<SavedEvent>();

            // The ring places each event by its sequence number, so they are checked first: a gap would
            // leave an empty slot that reads as an event, and a count below nextSequence an empty ring.
            if (!EventsInOrder(items.Select(e => e.Sequence).ToList(), events.NextSequence, Events.Capacity))
            {
                throw Errors.MachineFileInconsistentError(new[] { EventLogProblem(events.NextSequence, Events.Capacity) });
            }

            Events.Restore(events.NextSequence, items.Select(e => new KernelEvent(
                e.Sequence, SavedEnum.Parse<EventKind>(e.Kind, "events.kind"), e.Task, e.Cpu, e.Slot, e.Pfn, Hex.Parse(e.Address, "events.address"),
                e.Bucket, e.Count, e.Detail)).ToList());
            foreach (var task in tasks)
            {
                _tasks.Add(task.Name, task);
            }

            FixmapsSet = Range(s.FixmapsSet, 0, int.MaxValue, "fixmapsSet");
        }

        private void RestorePageAddresses(Pkmap pkmap, SavedState s)
        {
            var entries = new List<(int, ulong, ulong, ulong)>();
            foreach (var e in s.PageAddress ?? new List<SavedPageAddress>())
            {
                var pfn = Hex.Parse(e.Pfn, "pageAddress.pfn");
                if (pfn >= MaxPfn)
                {
                    throw Errors.MachineFileInvalidError("pageAddress.pfn", "pfn " + e.Pfn + " is beyond max_pfn");
                }

                var hashed = pkmap.Store is PageAddressHash;
                var page = Memory.PfnToPage(pfn);
                if (e.Bucket != pkmap.Store.BucketOf(page))
                {
                    throw Errors.MachineFileInvalidError("pageAddress.bucket", "pfn " + e.Pfn + " hashes to bucket " + pkmap.Store.BucketOf(page) + ", not " + e.Bucket);
                }

                entries.Add((hashed ? Range(e.Entry, 0, pkmap.LastPkmap, "pageAddress.entry") : -1, page, pfn, Hex.Parse(e.Virtual, "pageAddress.virtual")));
            }

            var pool = s.PageAddressPool ?? new List<int>();
            var used = entries.Select(e => e.Item1).Where(e => e >= 0).Concat(pool).ToList();
            if (pool.Any(p => p < 0 || p >= pkmap.LastPkmap) || used.Distinct().Count() != used.Count)
            {
                throw Errors.MachineFileInvalidError("pageAddressPool", "each page_address_map entry must be in one chain or in the pool, once");
            }

            pkmap.Store.Restore(entries, pool);
        }

        private static int Range(int value, int min, int end, string field) =>
            value >= min && value < end ? value : throw Errors.MachineFileInvalidError(field, value + " is outside " + min + ".." + (end - 1));
    }
}
