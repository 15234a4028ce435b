using KernelVm.Paging;
using KernelVm.Trace;
using KernelVm.Tlb;

namespace KernelVm.Highmem
{
    /// <summary>
    /// kmap_atomic() / kunmap_atomic() (arch/x86/mm/highmem_32.c, 2.6.24): one fixmap slot per CPU
    /// and km_type, FIX_KMAP_BEGIN + type + KM_TYPE_NR * cpu.
    /// </summary>
    public sealed class KmapAtomic
    {
        private readonly KernelPageTables _tables;
        private readonly ulong _fixaddrTop;
        private readonly ulong _kmapProt;
        private readonly EventLog _events;
        private readonly TranslationBuffers _tlb;
        private readonly bool _flushOnMap;
        private readonly bool _debugChecks;
        private readonly int _cpus;
        private readonly bool _debugHighmemBug;
        private readonly ulong _pageOffset;
        private readonly ulong _highMemory;

        internal KmapAtomic(int fixKmapBegin, int kmTypeNr, ulong fixaddrTop, KernelPageTables tables, ulong kmapProt,
            EventLog events, TranslationBuffers tlb, bool flushOnMap, bool debugChecks, int cpus, bool debugHighmemBug, ulong pageOffset, ulong highMemory)
        {
            _cpus = cpus;
            _debugHighmemBug = debugHighmemBug;
            _pageOffset = pageOffset;
            _highMemory = highMemory;
            FixKmapBegin = fixKmapBegin;
            KmTypeNr = kmTypeNr;
            _fixaddrTop = fixaddrTop;
            _tables = tables;
            _kmapProt = kmapProt;
            _events = events;
            _tlb = tlb;
            _flushOnMap = flushOnMap;
            _debugChecks = debugChecks;
        }

        public int FixKmapBegin { get; }

        public int KmTypeNr { get; }

        /// <summary>The fixmap index of a CPU's slot for a km_type value: FIX_KMAP_BEGIN + type + KM_TYPE_NR * cpu.</summary>
        public int FixmapIndex(int cpu, int type) => FixKmapBegin + type + KmTypeNr * cpu;

        /// <summary>__fix_to_virt(idx).</summary>
        public ulong FixToVirt(int index) => _fixaddrTop - ((ulong)index << Machine.PageShift);

        /// <summary>The fixmap index of an address in the kmap_atomic slots, or null outside FIX_KMAP_BEGIN..END.</summary>
        public int? FixmapIndexOf(ulong virtualAddress)
        {
            var index = (long)((_fixaddrTop - (virtualAddress & ~(Machine.PageSize - 1))) >> Machine.PageShift);
            return virtualAddress <= _fixaddrTop && index >= FixKmapBegin && index < FixKmapBegin + (long)KmTypeNr * _cpus ? (int)index : null;
        }

        /// <summary>The PTE of a CPU's slot (kmap_pte - idx).</summary>
        public ulong Pte(int cpu, int type) => Slot(FixmapIndex(cpu, type)) is var (t, i) ? t[i] : 0;

        /// <summary>
        /// kmap_atomic() of a highmem page. BUG_ON(!pte_none(*(kmap_pte - idx))) comes first in 2.6.24; 2.4.22
        /// checks only under HIGHMEM_DEBUG and otherwise overwrites the slot.
        /// </summary>
        internal ulong Map(string task, int cpu, int type, string typeName, ulong pfn)
        {
            var index = FixmapIndex(cpu, type);
            var vaddr = FixToVirt(index);
            var (table, entry) = Slot(index);
            if (table[entry] != 0 && _debugChecks)
            {
                throw Errors.KmapAtomicBusy(typeName, cpu, vaddr, (table[entry] & PteValues.FrameMask) >> Machine.PageShift);
            }

            table[entry] = (pfn << Machine.PageShift) | _kmapProt;
            _events.Add(EventKind.KmapAtomic, task, cpu, index, (long)pfn, vaddr, detail: typeName);
            if (_flushOnMap)
            {
                _tlb.FlushOne(cpu, vaddr);
                _events.Add(EventKind.TlbFlushOne, task, cpu, index, address: vaddr);
            }

            return vaddr;
        }

        /// <summary>
        /// kunmap_atomic(): when the address is this CPU's slot for the type, kpte_clear_flush() (clear the
        /// PTE, invlpg on this CPU only); otherwise nothing. Returns whether a PTE was cleared.
        /// </summary>
        internal bool Unmap(string task, int cpu, int type, string typeName, ulong kvaddr)
        {
            var index = FixmapIndex(cpu, type);
            var vaddr = kvaddr & ~(Machine.PageSize - 1);
            if (vaddr != FixToVirt(index) && _debugHighmemBug && (vaddr < _pageOffset || vaddr >= _highMemory))
            {
                throw Errors.KunmapAtomicBad(kvaddr);
            }

            if (vaddr != FixToVirt(index) || !_debugChecks)
            {
                _events.Add(EventKind.KunmapAtomic, task, cpu, index, address: kvaddr, detail: typeName + ": no PTE to clear");
                return false;
            }

            var (table, entry) = Slot(index);
            var pfn = (long)((table[entry] & PteValues.FrameMask) >> Machine.PageShift);
            table[entry] = 0;
            _tlb.FlushOne(cpu, vaddr);
            _events.Add(EventKind.KunmapAtomic, task, cpu, index, pfn, vaddr, detail: typeName);
            _events.Add(EventKind.TlbFlushOne, task, cpu, index, address: vaddr);
            return true;
        }

        private (TablePage Table, int Index) Slot(int index) => _tables.PteSlot(FixToVirt(index));
    }
}
