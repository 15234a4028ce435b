using System.Collections.Generic;
using System.Linq;
using KernelVm.Paging;
using KernelVm.Tlb;

namespace KernelVm.Tasks
{
    /// <summary>
    /// What a context switch changed, kept until the call that needed it succeeds: a call that fails after
    /// the switch leaves the machine as it was, the switch included.
    /// </summary>
    internal sealed class SwitchUndo
    {
        // Made on first use: only a 6.x switch between tasks holding kmap_local mappings writes PTEs.
        private List<(TablePage Table, int Index, ulong Value)>? _ptes;
        private List<TlbEntry>? _tlb;

        internal SwitchUndo(long sequence, VmTask task, int cpu, VmTask? previous, bool leftCpu)
        {
            Sequence = sequence;
            Task = task;
            TaskCpu = task.Cpu;
            Cpu = cpu;
            Previous = previous;
            LeftCpu = leftCpu;
        }

        /// <summary>The first event the switch recorded.</summary>
        internal long Sequence { get; }

        internal VmTask Task { get; }

        /// <summary>The task's CPU before the switch.</summary>
        internal int TaskCpu { get; }

        /// <summary>The CPU switched.</summary>
        internal int Cpu { get; }

        /// <summary>That CPU's current task before the switch.</summary>
        internal VmTask? Previous { get; }

        /// <summary>Whether the task was current on <see cref="TaskCpu"/> and left it.</summary>
        internal bool LeftCpu { get; }

        internal void SavePte(TablePage table, int index) => (_ptes ??= new()).Add((table, index, table[index]));

        internal void SaveTlb(TlbEntry entry) => (_tlb ??= new()).Add(entry);

        /// <summary>Puts back the PTEs and TLB entries, newest change first.</summary>
        internal void RestorePages(TranslationBuffers tlb)
        {
            for (var i = (_ptes?.Count ?? 0) - 1; i >= 0; i--)
            {
                _ptes![i].Table[_ptes[i].Index] = _ptes[i].Value;
            }

            foreach (var entry in _tlb ?? Enumerable.Empty<TlbEntry>())
            {
                tlb.Load(entry);
            }
        }
    }
}
