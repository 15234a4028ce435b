using System.Collections.Generic;
using System.Linq;
using KernelVm.Highmem;
using KernelVm.Physical;
using KernelVm.State;
using KernelVm.Tasks;
using KernelVm.Trace;

namespace KernelVm
{
    /// <summary>The invariants kmap_lock protects, checked across the parts of a machine.</summary>
    public sealed partial class Machine
    {
        /// <summary>
        /// What disagrees between pkmap_count[], the pkmap PTEs, page_address(), the wait queue and the
        /// event log; empty for any machine the model's own calls produced.
        /// </summary>
        public IReadOnlyList<string> CheckConsistency()
        {
            lock (_kmapLock)
            {
                var problems = new List<string>();
                if (Pkmap is { } pkmap)
                {
                    CheckPkmap(pkmap, problems);
                }

                CheckTasks(problems);
                if (!EventsInOrder(Events.Since(0).Select(e => e.Sequence).ToList(), Events.NextSequence, Events.Capacity))
                {
                    problems.Add(EventLogProblem(Events.NextSequence, Events.Capacity));
                }

                return problems;
            }
        }

        /// <summary>
        /// Whether held events are as EventLog leaves them: consecutive, ending just before
        /// <paramref name="next"/>; all of them until the ring wraps, then at most Capacity (fewer once a
        /// failed call took back events that had overwritten older ones).
        /// </summary>
        private static bool EventsInOrder(IReadOnlyList<long> sequences, long next, int capacity) =>
            next >= 0 && (next <= capacity ? sequences.Count == next : sequences.Count <= capacity)
            && sequences.Select((sequence, i) => sequence == next - sequences.Count + i).All(ok => ok);

        private static string EventLogProblem(long next, int capacity) =>
            "the event log must hold at most " + capacity + " events, one each, in order, the last numbered " + (next - 1);

        private void CheckPkmap(Pkmap pkmap, List<string> problems)
        {
            var mapped = 0;
            for (var slot = 0; slot < pkmap.LastPkmap; slot++)
            {
                var count = pkmap.Count(slot);
                if ((count == 0) != (pkmap.Pte(slot) == 0))
                {
                    problems.Add("pkmap slot " + slot + " has count " + count + " but its PTE is " + (count == 0 ? "set" : "none"));
                    continue;
                }

                if (count == 0)
                {
                    continue;
                }

                mapped++;
                var pfn = pkmap.PfnAt(slot)!.Value;
                if (pfn >= MaxPfn || !Memory.ZoneOf(pfn).IsHighMem)
                {
                    problems.Add("pkmap slot " + slot + " maps pfn " + Hex.Format(pfn) + ", which is not a highmem page");
                }
                else if (pkmap.PageAddress(pfn) != pkmap.Address(slot))
                {
                    problems.Add("pkmap slot " + slot + " maps pfn " + Hex.Format(pfn) + " but page_address() of it is " + Hex.Format(pkmap.PageAddress(pfn)));
                }
            }

            var entries = pkmap.Store.Entries().ToList();
            if (entries.Count != mapped)
            {
                problems.Add(entries.Count + " page_address() mappings for " + mapped + " mapped pkmap slots");
            }

            foreach (var e in entries)
            {
                var inPkmap = e.Virtual >= pkmap.Address(0) && e.Virtual < pkmap.Address(0) + ((ulong)pkmap.LastPkmap << PageShift) && (e.Virtual & (PageSize - 1)) == 0;
                var slot = inPkmap ? pkmap.SlotOf(e.Virtual) : -1;
                if (!inPkmap)
                {
                    problems.Add("page_address() of pfn " + Hex.Format(e.Pfn) + " is " + Hex.Format(e.Virtual) + ", not a pkmap slot's address");
                }
                else if (pkmap.Store is PageAddressHash { UsesPool: false } && e.Entry != slot)
                {
                    problems.Add("page_address_map entry " + e.Entry + " holds slot " + slot + "'s mapping; without a pool each slot uses its own entry");
                }
            }

            if (pkmap.Store is PageAddressHash { UsesPool: true } && entries.Count + pkmap.Store.Pool().Count() != pkmap.LastPkmap)
            {
                problems.Add("page_address_pool and the hash chains together must hold all " + pkmap.LastPkmap + " page_address_map entries");
            }

            foreach (var waiter in pkmap.Waiters)
            {
                if (waiter.State != TaskState.Blocked)
                {
                    problems.Add("task " + waiter.Name + " is on pkmap_map_wait but not blocked");
                }
            }
        }

        private void CheckTasks(List<string> problems)
        {
            for (var cpu = 0; cpu < _curr.Length; cpu++)
            {
                if (_curr[cpu] is { } running && (running.Cpu != cpu || running.State == TaskState.Blocked))
                {
                    problems.Add("task " + running.Name + " is current on CPU " + cpu + " but " + (running.State == TaskState.Blocked ? "asleep" : "belongs to CPU " + running.Cpu));
                }
            }

            foreach (var task in _tasks.Values)
            {
                var waiting = Pkmap?.Waiters.Count(w => w == task) ?? 0;
                if ((task.State == TaskState.Blocked) != (waiting == 1) || (task.State == TaskState.Blocked) != (task.WaitingForPfn is not null))
                {
                    problems.Add("task " + task.Name + " is " + task.State + ", on pkmap_map_wait " + waiting + " time(s), "
                        + (task.WaitingForPfn is null ? "waiting for no page" : "waiting for pfn " + Hex.Format(task.WaitingForPfn.Value)));
                }
            }
        }
    }
}
