using System.Collections.Generic;

namespace KernelVm.Tlb
{
    /// <summary>One TLB per CPU, holding what each CPU loaded until a flush drops it.</summary>
    public sealed class TranslationBuffers
    {
        private readonly Dictionary<ulong, TlbEntry>[] _perCpu;

        internal TranslationBuffers(int cpus)
        {
            _perCpu = new Dictionary<ulong, TlbEntry>[cpus];
            for (var i = 0; i < cpus; i++)
            {
                _perCpu[i] = new Dictionary<ulong, TlbEntry>();
            }
        }

        public int Cpus => _perCpu.Length;

        /// <summary>flush_tlb_all() calls since boot.</summary>
        public long FullFlushes { get; internal set; }

        public IEnumerable<TlbEntry> Entries(int cpu) => _perCpu[cpu].Values;

        internal bool TryGet(int cpu, ulong virtualPage, out TlbEntry entry) => _perCpu[cpu].TryGetValue(virtualPage, out entry);

        internal void Load(TlbEntry entry) => _perCpu[entry.Cpu][entry.VirtualPage] = entry;

        /// <summary>flush_tlb_all(): every entry on every CPU, global ones included.</summary>
        internal void FlushAll()
        {
            FullFlushes++;
            foreach (var cpu in _perCpu)
            {
                cpu.Clear();
            }
        }

        /// <summary>__flush_tlb_one() (invlpg) on one CPU.</summary>
        internal void FlushOne(int cpu, ulong virtualPage) => _perCpu[cpu].Remove(virtualPage);
    }
}
