using System.Collections.Generic;
using System.Text;
using KernelVm.Paging;
using KernelVm.Tasks;
using KernelVm.Trace;
using KernelVm.Tlb;

namespace KernelVm.Highmem
{
    /// <summary>
    /// Persistent kernel maps (mm/highmem.c; 2.6.24, 2.4.22 and 6.x differ only in the page_address store
    /// and the flush): pkmap_count[], last_pkmap_nr, the pkmap page
    /// table, page_address() and the pkmap_map_wait queue. The caller holds kmap_lock (the machine's lock).
    /// </summary>
    public sealed class Pkmap
    {
        private readonly int[] _count;
        private readonly ulong _base;
        private readonly TablePage _pteTable;
        private readonly int _firstPte;
        private readonly ulong _kmapProt;
        private readonly EventLog _events;
        private readonly TranslationBuffers _tlb;
        private readonly List<VmTask> _waiters = new();
        private readonly System.Func<ulong, ulong> _pfnToPage;

        private readonly bool _flushOnlyIfCleared;

        // The slots the last flush freed and its event's text: a steady churn frees the same slots
        // each time, so the text is built only when the set changes. -1: no flush yet.
        private int[]? _freed;
        private int _freedCount = -1;
        private string _freedDetail = "";

        internal Pkmap(int lastPkmap, ulong pkmapBase, KernelPageTables tables, ulong kmapProt, IPageAddressStore store,
            System.Func<ulong, ulong> pfnToPage, EventLog events, TranslationBuffers tlb, bool flushOnlyIfCleared = false)
        {
            _flushOnlyIfCleared = flushOnlyIfCleared;
            _count = new int[lastPkmap];
            _base = pkmapBase;
            (_pteTable, _firstPte) = tables.PteSlot(pkmapBase);
            _kmapProt = kmapProt;
            Store = store;
            _pfnToPage = pfnToPage;
            _events = events;
            _tlb = tlb;
        }

        /// <summary>LAST_PKMAP.</summary>
        public int LastPkmap => _count.Length;

        /// <summary>last_pkmap_nr: the last slot handed out.</summary>
        public int LastPkmapNr { get; private set; }

        /// <summary>flush_all_zero_pkmaps() calls since boot (on a wrap or from kmap_flush_unused()).</summary>
        public long Flushes { get; internal set; }

        /// <summary>The tasks sleeping on pkmap_map_wait, in queue order.</summary>
        public IReadOnlyList<VmTask> Waiters => _waiters;

        internal IPageAddressStore Store { get; }

        /// <summary>pkmap_count[slot].</summary>
        public int Count(int slot) => _count[slot];

        /// <summary>What a pkmap_count value means: 0 free, 1 stale (mapped, no users, waiting for a flush), more in use.</summary>
        public static PkmapSlotState StateOf(int count) =>
            count == 0 ? PkmapSlotState.Free : count == 1 ? PkmapSlotState.Stale : PkmapSlotState.InUse;
        /// <summary>How many slots have users (count 2 or more), are stale (count 1) and are free (count 0).</summary>
        public (int InUse, int Stale, int Free) Occupancy()
        {
            int inUse = 0, stale = 0;
            foreach (var count in _count)
            {
                if (count > 1)
                {
                    inUse++;
                }
                else if (count == 1)
                {
                    stale++;
                }
            }

            return (inUse, stale, _count.Length - inUse - stale);
        }

        /// <summary>PKMAP_ADDR(nr).</summary>
        public ulong Address(int slot) => _base + ((ulong)slot << Machine.PageShift);

        /// <summary>PKMAP_NR(virt): no masking of the offset, as in the kernel.</summary>
        public int SlotOf(ulong virtualAddress) => (int)((virtualAddress - _base) >> Machine.PageShift);

        /// <summary>The raw PTE of a slot (pkmap_page_table[slot]).</summary>
        public ulong Pte(int slot) => _pteTable[_firstPte + slot];

        /// <summary>The pfn a slot's PTE maps, or null when the PTE is none.</summary>
        public ulong? PfnAt(int slot) => Pte(slot) == 0 ? null : (Pte(slot) & PteValues.FrameMask) >> Machine.PageShift;

        /// <summary>page_address() of a highmem page: its pkmap address, or 0.</summary>
        public ulong PageAddress(ulong pfn) => Store.Lookup(_pfnToPage(pfn));

        /// <summary>Sets pkmap_count[], last_pkmap_nr and the wait queue as a saved machine had them; the PTEs come with the page tables.</summary>
        internal void Restore(int lastPkmapNr, IReadOnlyList<int> counts, IEnumerable<VmTask> waiters)
        {
            LastPkmapNr = lastPkmapNr;
            for (var i = 0; i < _count.Length; i++)
            {
                _count[i] = counts[i];
            }

            _waiters.Clear();
            _waiters.AddRange(waiters);
            _freedCount = -1;
        }

        /// <summary>kmap_high(): reuse the page's mapping, or map it anew; may leave the task Blocked.</summary>
        internal KmapOutcome KmapHigh(VmTask task, ulong pfn, bool nonblock)
        {
            var vaddr = PageAddress(pfn);
            if (vaddr != 0)
            {
                return Take(task, pfn, vaddr, KmapStatus.Reused, false, false);
            }

            return MapNewVirtual(task, pfn, nonblock);
        }

        /// <summary>kunmap_high(): drop a user; at count 1 wake the waiters. Checks every BUG() before it changes anything.</summary>
        internal KunmapOutcome KunmapHigh(VmTask task, ulong pfn)
        {
            var vaddr = PageAddress(pfn);
            if (vaddr == 0)
            {
                throw Errors.KunmapUnmapped(pfn);
            }

            var nr = SlotOf(vaddr);
            if (_count[nr] - 1 == 0)
            {
                throw Errors.KunmapToZero(pfn, nr);
            }

            _count[nr]--;
            _events.Add(EventKind.Kunmap, task.Name, task.Cpu, nr, (long)pfn, vaddr, count: _count[nr]);
            var count = _count[nr];
            IReadOnlyList<KmapOutcome> woken = System.Array.Empty<KmapOutcome>();
            if (count == 1 && _waiters.Count > 0)
            {
                woken = WakeUp();
            }

            return new KunmapOutcome(pfn, vaddr, nr, count, woken);
        }

        /// <summary>kmap_flush_unused(): flush_all_zero_pkmaps() under kmap_lock.</summary>
        internal void FlushUnused(string? task) => FlushAllZeroPkmaps(task);

        private KmapOutcome MapNewVirtual(VmTask task, ulong pfn, bool nonblock)
        {
            var count = LastPkmap;
            var wrapped = false;
            var flushed = false;
            while (true)
            {
                LastPkmapNr = (LastPkmapNr + 1) & (LastPkmap - 1);
                if (LastPkmapNr == 0)
                {
                    wrapped = true;
                    flushed = true;
                    _events.Add(EventKind.Wrap, task.Name, task.Cpu, 0, (long)pfn);
                    FlushAllZeroPkmaps(task.Name);
                    count = LastPkmap;
                }

                if (_count[LastPkmapNr] == 0)
                {
                    break;
                }

                if (--count == 0)
                {
                    if (nonblock)
                    {
                        _events.Add(EventKind.KmapNonblockFailed, task.Name, task.Cpu, pfn: (long)pfn);
                        return new KmapOutcome(task.Name, pfn, KmapStatus.Failed, 0, -1, -1, wrapped, flushed);
                    }

                    task.State = TaskState.Blocked;
                    task.WaitingForPfn = pfn;
                    _waiters.Add(task);
                    _events.Add(EventKind.Sleep, task.Name, task.Cpu, LastPkmapNr, (long)pfn, detail: "no free pkmap slot: TASK_UNINTERRUPTIBLE on pkmap_map_wait");
                    return new KmapOutcome(task.Name, pfn, KmapStatus.Blocked, 0, -1, -1, wrapped, flushed);
                }
            }

            var slot = LastPkmapNr;
            var vaddr = Address(slot);
            _events.Add(EventKind.SlotChosen, task.Name, task.Cpu, slot, (long)pfn, vaddr);
            _pteTable[_firstPte + slot] = (pfn << Machine.PageShift) | _kmapProt;
            _events.Add(EventKind.PteSet, task.Name, task.Cpu, slot, (long)pfn, vaddr);
            _count[slot] = 1;
            var page = _pfnToPage(pfn);
            Store.Set(page, pfn, vaddr, slot);
            _events.Add(EventKind.HashInsert, task.Name, task.Cpu, slot, (long)pfn, vaddr, Store.BucketOf(page));
            return Take(task, pfn, vaddr, KmapStatus.NewSlot, wrapped, flushed);
        }

        /// <summary>kmap_high()'s last step: pkmap_count[PKMAP_NR(vaddr)]++.</summary>
        private KmapOutcome Take(VmTask task, ulong pfn, ulong vaddr, KmapStatus status, bool wrapped, bool flushed)
        {
            var nr = SlotOf(vaddr);
            _count[nr]++;
            if (status != KmapStatus.NewSlot)
            {
                _events.Add(status == KmapStatus.Reused ? EventKind.KmapReuse : EventKind.FoundMapped, task.Name, task.Cpu, nr, (long)pfn, vaddr, count: _count[nr]);
            }

            return new KmapOutcome(task.Name, pfn, status, vaddr, nr, _count[nr], wrapped, flushed);
        }

        /// <summary>
        /// flush_all_zero_pkmaps(): every slot at count 1 is unmapped and freed, then one kernel TLB
        /// flush (flush_tlb_all() on i386 2.6.24) makes the freed slots safe to reuse.
        /// </summary>
        private void FlushAllZeroPkmaps(string? task)
        {
            Flushes++;
            var freed = 0;
            var changed = false;
            for (var i = 0; i < LastPkmap; i++)
            {
                if (_count[i] != 1)
                {
                    continue;
                }

                _count[i] = 0;
                var pfn = PfnAt(i)!.Value;
                _pteTable[_firstPte + i] = 0;
                var page = _pfnToPage(pfn);
                _events.Add(EventKind.PteClear, task, slot: i, pfn: (long)pfn, address: Address(i));
                _events.Add(EventKind.HashRemove, task, slot: i, pfn: (long)pfn, address: Address(i), bucket: Store.BucketOf(page));
                Store.Clear(page);
                _freed ??= new int[LastPkmap];
                changed |= freed >= _freedCount || _freed[freed] != i;
                _freed[freed++] = i;
            }

            _events.Add(EventKind.FlushAllZeroPkmaps, task, detail: FreedDetail(freed, changed));
            if (freed == 0 && _flushOnlyIfCleared)
            {
                return;                                     // 6.x: need_flush stayed false
            }

            _tlb.FlushAll();
            _events.Add(EventKind.TlbFlushAll, task, address: _base, detail: "flush_tlb_kernel_range(PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP))");
        }

        /// <summary>The FlushAllZeroPkmaps event's text for the first <paramref name="freed"/> slots of _freed.</summary>
        private string FreedDetail(int freed, bool changed)
        {
            if (changed || freed != _freedCount)
            {
                var text = new StringBuilder(freed == 0 ? "no slot at count 1" : "freed slots ");
                for (var i = 0; i < freed; i++)
                {
                    text.Append(i == 0 ? "" : ",").Append(_freed![i]);
                }

                _freedCount = freed;
                _freedDetail = text.ToString();
            }

            return _freedDetail;
        }

        /// <summary>
        /// Takes a sleeping task off pkmap_map_wait and abandons its kmap(). The kernel cannot do
        /// this (TASK_UNINTERRUPTIBLE ignores signals); the simulator lets its user get out of a wait.
        /// </summary>
        internal void CancelWait(VmTask task)
        {
            var pfn = task.WaitingForPfn!.Value;
            _waiters.Remove(task);
            task.State = TaskState.Running;
            task.WaitingForPfn = null;
            _events.Add(EventKind.WaitCancelled, task.Name, task.Cpu, pfn: (long)pfn,
                detail: "kmap() abandoned by the simulator's user; a real TASK_UNINTERRUPTIBLE sleep cannot be interrupted");
        }

        /// <summary>wake_up(&amp;pkmap_map_wait): every waiter runs again, in queue order, and retries its kmap.</summary>
        private List<KmapOutcome> WakeUp()
        {
            var woken = new List<KmapOutcome>();
            var waiters = _waiters.ToArray();
            _waiters.Clear();
            _events.Add(EventKind.WakeUp, detail: waiters.Length + " waiting");
            foreach (var task in waiters)
            {
                var pfn = task.WaitingForPfn!.Value;
                task.State = TaskState.Running;
                task.WaitingForPfn = null;
                task.Wakeups++;

                // Back in map_new_virtual() after schedule(): if another task mapped the page meanwhile, use that.
                var vaddr = PageAddress(pfn);
                var outcome = vaddr != 0 ? Take(task, pfn, vaddr, KmapStatus.FoundMapped, false, false) : MapNewVirtual(task, pfn, false);
                task.LastKmap = outcome;
                woken.Add(outcome);
            }

            return woken;
        }
    }
}
