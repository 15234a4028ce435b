using System.Collections.Generic;

namespace KernelVm.Tasks
{
    /// <summary>
    /// struct kmap_ctrl (include/linux/sched.h, 6.x), a task's current-&gt;kmap_ctrl: the stack of its
    /// kmap_local mappings. Idx counts the pushes (KM_INCR each); stack slot Idx - 1 is the top, and
    /// Pteval[slot] keeps the PTE written there, so that a switch can take the mappings off the CPU and
    /// put them back. Kernels before 5.11 have none (no slots).
    /// </summary>
    public sealed class KmapCtrl
    {
        private readonly ulong[] _pteval;

        internal KmapCtrl(int kmMaxIdx) => _pteval = new ulong[kmMaxIdx];

        /// <summary>kmap_ctrl.idx: 0 when the task holds no kmap_local mapping.</summary>
        public int Idx { get; internal set; }

        /// <summary>kmap_ctrl.pteval[KM_MAX_IDX]: the saved PTE of each stack slot, 0 for a free or guard slot.</summary>
        public IReadOnlyList<ulong> Pteval => _pteval;

        internal ulong this[int slot]
        {
            get => _pteval[slot];
            set => _pteval[slot] = value;
        }
    }
}
