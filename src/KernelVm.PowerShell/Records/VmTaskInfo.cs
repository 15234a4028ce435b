using System.Collections.Generic;
using KernelVm.Tasks;

namespace KernelVm.PowerShell
{
    /// <summary>A snapshot of a simulated task.</summary>
    public sealed class VmTaskInfo
    {
        internal VmTaskInfo(Machine machine, VmTask task)
        {
            Machine = machine.Name;
            Name = task.Name;
            Cpu = task.Cpu;
            OnCpu = machine.CurrentTask(task.Cpu) == task;
            State = task.State;
            WaitingForPfn = task.WaitingForPfn;
            WaitQueue = task.State == TaskState.Blocked ? "pkmap_map_wait" : null;
            Wakeups = task.Wakeups;
            LastKmap = task.LastKmap is { } k ? new KmapResult(machine, k) : null;
            KmapCtrlIdx = task.KmapCtrl.Idx;
            PagefaultDisabled = task.PagefaultDisabled;
            KmapLocal = new RecordList<KmapLocalEntry>(Stack(machine, task));
        }

        public string Name { get; }

        /// <summary>The CPU the task last ran on.</summary>
        public int Cpu { get; }

        /// <summary>Whether the task is its CPU's current task (rq-&gt;curr): only then are its kmap_local mappings in the page tables.</summary>
        public bool OnCpu { get; }

        public TaskState State { get; }

        /// <summary>The wait queue the task sleeps on, while Blocked.</summary>
        public string? WaitQueue { get; }

        public Address? WaitingForPfn { get; }

        public int Wakeups { get; }

        /// <summary>How the task's last kmap() ended (a woken task's kmap completes when it wakes).</summary>
        public KmapResult? LastKmap { get; }

        /// <summary>The task's kmap_local mappings (6.x), bottom of the stack first.</summary>
        public RecordList<KmapLocalEntry> KmapLocal { get; }

        /// <summary>kmap_ctrl.idx: the stack's pushes so far (two per mapping with DEBUG_KMAP_LOCAL).</summary>
        public int KmapCtrlIdx { get; }

        /// <summary>pagefault_disabled: the task's kmap_atomic() calls (6.x) not yet undone; above 0, preemption is off.</summary>
        public int PagefaultDisabled { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }

        private static IEnumerable<KmapLocalEntry> Stack(Machine machine, VmTask task)
        {
            var ctrl = task.KmapCtrl;
            for (var slot = 0; slot < ctrl.Idx; slot++)
            {
                // Guard slots of DEBUG_KMAP_LOCAL hold 0.
                if (ctrl.Pteval[slot] != 0 && machine.Local is { } local)
                {
                    var idx = local.CalcIdx(slot, task.Cpu);
                    yield return new KmapLocalEntry(slot, local.FixKmapBegin + idx, local.SlotAddress(idx), ctrl.Pteval[slot]);
                }
            }
        }
    }
}
