using System.Collections.Generic;
using KernelVm.Paging;
using KernelVm.Tasks;
using KernelVm.Tlb;
using KernelVm.Trace;

namespace KernelVm.Highmem
{
    /// <summary>
    /// kmap_local (mm/highmem.c, 6.x): instead of one fixmap slot per km_type, each CPU has KM_MAX_IDX slots
    /// and each task a stack of them in current-&gt;kmap_ctrl. Stack slot i of a task on CPU cpu is fixmap
    /// index FIX_KMAP_BEGIN + i + KM_MAX_IDX * cpu. The caller holds kmap_lock (the machine's lock) and has
    /// already checked what could fail (<see cref="CheckMap"/>, <see cref="CheckUnmap"/>).
    /// </summary>
    public sealed class KmapLocal
    {
        private readonly KernelPageTables _tables;
        private readonly ulong _fixaddrTop;
        private readonly ulong _kmapProt;
        private readonly EventLog _events;
        private readonly TranslationBuffers _tlb;
        private readonly ulong _pageOffset;
        private readonly int _cpus;

        // WARN_ON_ONCE prints once per call site and boot.
        private bool _warnedOrder;
        private bool _warnedUser;
        private bool _warnedForced;

        /// <summary>The WARN_ON_ONCE call sites that have printed: "order", "user", "forced".</summary>
        internal IEnumerable<string> Warned()
        {
            if (_warnedOrder) yield return "order";
            if (_warnedUser) yield return "user";
            if (_warnedForced) yield return "forced";
        }

        internal void RestoreWarned(ICollection<string> sites)
        {
            _warnedOrder = sites.Contains("order");
            _warnedUser = sites.Contains("user");
            _warnedForced = sites.Contains("forced");
        }

        internal KmapLocal(int fixKmapBegin, int kmMaxIdx, bool debug, ulong fixaddrTop, KernelPageTables tables, ulong kmapProt,
            EventLog events, TranslationBuffers tlb, ulong pageOffset, int cpus)
        {
            FixKmapBegin = fixKmapBegin;
            KmMaxIdx = kmMaxIdx;
            KmIncr = debug ? 2 : 1;
            ForceMap = debug;
            _fixaddrTop = fixaddrTop;
            _tables = tables;
            _kmapProt = kmapProt;
            _events = events;
            _tlb = tlb;
            _pageOffset = pageOffset;
            _cpus = cpus;
        }

        public int FixKmapBegin { get; }

        /// <summary>FIX_KMAP_END = FIX_KMAP_BEGIN + KM_MAX_IDX * NR_CPUS - 1 (arch/x86/include/asm/fixmap.h).</summary>
        public int FixKmapEnd => FixKmapBegin + KmMaxIdx * _cpus - 1;

        /// <summary>KM_MAX_IDX (include/asm-generic/kmap_size.h): 16, or 33 with CONFIG_DEBUG_KMAP_LOCAL.</summary>
        public int KmMaxIdx { get; }

        /// <summary>KM_INCR (mm/highmem.c): 1, or 2 with CONFIG_DEBUG_KMAP_LOCAL, so that every even slot stays unmapped as a guard.</summary>
        public int KmIncr { get; }

        /// <summary>
        /// CONFIG_DEBUG_KMAP_LOCAL_FORCE_MAP: DEBUG_HIGHMEM selects it on x86 (which selects
        /// ARCH_SUPPORTS_KMAP_LOCAL_FORCE_MAP), and then lowmem pages get a slot too (lib/Kconfig.debug).
        /// </summary>
        public bool ForceMap { get; }

        /// <summary>How many mappings a task can hold: kmap_local_idx_push() BUGs once idx reaches KM_MAX_IDX.</summary>
        public int MaxDepth => (KmMaxIdx - 1) / KmIncr;

        /// <summary>kmap_local_calc_idx(): idx + KM_MAX_IDX * smp_processor_id().</summary>
        public int CalcIdx(int slot, int cpu) => slot + KmMaxIdx * cpu;

        /// <summary>__fix_to_virt(FIX_KMAP_BEGIN + idx).</summary>
        public ulong SlotAddress(int idx) => _fixaddrTop - ((ulong)(FixKmapBegin + idx) << Machine.PageShift);

        /// <summary>The fixmap index of an address in FIX_KMAP_BEGIN..FIX_KMAP_END, or null.</summary>
        public int? FixmapIndexOf(ulong virtualAddress) =>
            InRange(virtualAddress & ~(Machine.PageSize - 1)) ? (int)((_fixaddrTop - (virtualAddress & ~(Machine.PageSize - 1))) >> Machine.PageShift) : null;

        /// <summary>The PTE of a CPU's stack slot, __kmap_pte[-idx] (x86 keeps the slots' PTEs in one linear array).</summary>
        public ulong Pte(int slot, int cpu) => Slot(CalcIdx(slot, cpu)) is var (t, i) ? t[i] : 0;

        /// <summary>What __kmap_local_pfn_prot() BUGs on, checked before anything changes: a push past KM_MAX_IDX, a slot whose PTE is not none.</summary>
        internal void CheckMap(VmTask task, int cpu, ulong pfn)
        {
            var idx = task.KmapCtrl.Idx + KmIncr;
            if (idx >= KmMaxIdx)
            {
                throw Errors.KmapLocalFull(task.Name, pfn, task.KmapCtrl.Idx, KmMaxIdx, KmIncr);
            }

            var pte = Pte(idx - 1, cpu);
            if (pte != 0)
            {
                throw Errors.KmapLocalBusy(pfn, cpu, idx - 1, SlotAddress(CalcIdx(idx - 1, cpu)), (pte & PteValues.FrameMask) >> Machine.PageShift);
            }
        }

        /// <summary>
        /// __kmap_local_pfn_prot(): push a slot (kmap_local_idx_push), write its PTE and keep the value in
        /// kmap_ctrl.pteval. No TLB flush: the unmap flushed the slot (arch_kmap_local_post_map() is only the
        /// lazy-MMU hook on x86). Returns the stack slot.
        /// </summary>
        internal int Map(VmTask task, int cpu, ulong pfn, string how)
        {
            var ctrl = task.KmapCtrl;
            ctrl.Idx += KmIncr;
            var slot = ctrl.Idx - 1;
            var idx = CalcIdx(slot, cpu);
            var vaddr = SlotAddress(idx);
            var (table, entry) = Slot(idx);
            var pteval = (pfn << Machine.PageShift) | _kmapProt;
            table[entry] = pteval;
            ctrl[slot] = pteval;
            _events.Add(EventKind.KmapLocal, task.Name, cpu, FixKmapBegin + idx, (long)pfn, vaddr,
                detail: how + ": stack slot " + slot + ", kmap_ctrl.idx " + ctrl.Idx);
            return slot;
        }

        /// <summary>kunmap_local_indexed() BUGs in kmap_local_idx_pop() when an address in the slots comes with an empty stack.</summary>
        internal void CheckUnmap(VmTask task, ulong kvaddr)
        {
            if (InRange(kvaddr & ~(Machine.PageSize - 1)) && task.KmapCtrl.Idx == 0)
            {
                throw Errors.KunmapLocalNothing(task.Name, kvaddr);
            }
        }

        /// <summary>
        /// kunmap_local_indexed(). An address outside FIX_KMAP_BEGIN..END is not a slot: nothing to undo,
        /// with a WARN_ON_ONCE below PAGE_OFFSET (or for any such address under FORCE_MAP, where lowmem pages
        /// have slots too). Otherwise the top of the stack is popped, whatever the address: if it is not the
        /// top's, WARN_ON_ONCE, and then the top slot's PTE is cleared while flush_tlb_one_kernel()
        /// (arch_kmap_local_post_unmap on x86) flushes the address given, on this CPU only.
        /// </summary>
        internal KunmapLocalOutcome Unmap(VmTask task, int cpu, ulong kvaddr, string how)
        {
            var addr = kvaddr & ~(Machine.PageSize - 1);
            if (!InRange(addr))
            {
                string? warning = ForceMap ? Errors.Hex(kvaddr) + " is not a kmap_local slot, yet DEBUG_KMAP_LOCAL_FORCE_MAP gives every page one; nothing unmapped"
                    : addr < _pageOffset ? Errors.Hex(kvaddr) + " is below PAGE_OFFSET, not a kernel address; nothing unmapped" : null;
                var printed = warning is not null && Warn(ref (ForceMap ? ref _warnedForced : ref _warnedUser), task, cpu, kvaddr, warning);
                _events.Add(EventKind.KunmapLocal, task.Name, cpu, address: kvaddr, detail: how + ": not a kmap_local slot, nothing to unmap");
                return new KunmapLocalOutcome(kvaddr, -1, -1, -1, 0, task.KmapCtrl.Idx, warning, printed);
            }

            var ctrl = task.KmapCtrl;
            var slot = ctrl.Idx - 1;
            var idx = CalcIdx(slot, cpu);
            string? order = null;
            var orderPrinted = false;
            if (addr != SlotAddress(idx))
            {
                order = Errors.Hex(kvaddr) + " is not the top of task " + task.Name + "'s kmap_local stack (stack slot " + slot + ", "
                    + Errors.Hex(SlotAddress(idx)) + "): the top's PTE is cleared all the same, and " + Errors.Hex(addr) + " is the address flushed";
                orderPrinted = Warn(ref _warnedOrder, task, cpu, kvaddr, order);
            }

            var (table, entry) = Slot(idx);
            var pfn = table[entry] == 0 ? -1 : (long)((table[entry] & PteValues.FrameMask) >> Machine.PageShift);
            table[entry] = 0;
            ctrl[slot] = 0;
            ctrl.Idx -= KmIncr;
            _events.Add(EventKind.KunmapLocal, task.Name, cpu, FixKmapBegin + idx, pfn, SlotAddress(idx),
                detail: how + ": stack slot " + slot + " cleared, kmap_ctrl.idx " + ctrl.Idx);
            _tlb.FlushOne(cpu, addr);
            _events.Add(EventKind.TlbFlushOne, task.Name, cpu, FixmapIndexOf(addr) ?? -1, address: addr, detail: "flush_tlb_one_kernel");
            return new KunmapLocalOutcome(kvaddr, slot, FixKmapBegin + idx, pfn, addr, ctrl.Idx, order, orderPrinted);
        }

        /// <summary>
        /// __kmap_local_sched_out(), before switch_to(): clear the outgoing task's slots on its CPU and flush
        /// each from that CPU's TLB. kmap_ctrl keeps the values; guard slots (DEBUG_KMAP_LOCAL) hold 0 and are skipped.
        /// </summary>
        internal void SchedOut(VmTask task, int cpu, SwitchUndo? undo)
        {
            var ctrl = task.KmapCtrl;
            for (var slot = 0; slot < ctrl.Idx; slot++)
            {
                if (ctrl[slot] == 0)
                {
                    continue;
                }

                var idx = CalcIdx(slot, cpu);
                var vaddr = SlotAddress(idx);
                var (table, entry) = Slot(idx);
                undo?.SavePte(table, entry);
                table[entry] = 0;
                if (undo is not null && _tlb.TryGet(cpu, vaddr, out var cached))
                {
                    undo.SaveTlb(cached);
                }

                _tlb.FlushOne(cpu, vaddr);
                _events.Add(EventKind.KmapLocalSchedOut, task.Name, cpu, FixKmapBegin + idx, (long)((ctrl[slot] & PteValues.FrameMask) >> Machine.PageShift), vaddr,
                    detail: "stack slot " + slot + " cleared, flush_tlb_one_kernel");
            }
        }

        /// <summary>__kmap_local_sched_in(), in finish_task_switch(): write the incoming task's saved PTEs back (set_pte_at, no flush).</summary>
        internal void SchedIn(VmTask task, int cpu, SwitchUndo undo)
        {
            var ctrl = task.KmapCtrl;
            for (var slot = 0; slot < ctrl.Idx; slot++)
            {
                if (ctrl[slot] == 0)
                {
                    continue;
                }

                var idx = CalcIdx(slot, cpu);
                var (table, entry) = Slot(idx);
                undo.SavePte(table, entry);
                table[entry] = ctrl[slot];
                _events.Add(EventKind.KmapLocalSchedIn, task.Name, cpu, FixKmapBegin + idx, (long)((ctrl[slot] & PteValues.FrameMask) >> Machine.PageShift),
                    SlotAddress(idx), detail: "stack slot " + slot + " restored");
            }
        }

        /// <summary>kunmap_local_indexed()'s range test: FIX_KMAP_END's address up to FIX_KMAP_BEGIN's, both included.</summary>
        private bool InRange(ulong addr) => addr >= SlotAddress(FixKmapEnd - FixKmapBegin) && addr <= SlotAddress(0);

        /// <summary>WARN_ON_ONCE(): the event every time, the printk only the first time. Returns whether it printed.</summary>
        private bool Warn(ref bool fired, VmTask task, int cpu, ulong vaddr, string what)
        {
            var printed = !fired;
            fired = true;
            _events.Add(EventKind.KmapLocalWarning, task.Name, cpu, address: vaddr,
                detail: "WARN_ON_ONCE in kunmap_local_indexed(): " + what + (printed ? "" : " (already warned once: the kernel stays silent)"));
            return printed;
        }

        private (TablePage Table, int Index) Slot(int idx) => _tables.PteSlot(SlotAddress(idx));
    }
}
