using KernelVm.Tasks;
using KernelVm.Trace;

namespace KernelVm
{
    /// <summary>
    /// Which task each CPU runs (rq-&gt;curr). A call from a task on a CPU makes it that CPU's current task;
    /// taking the CPU from another task is a context switch. On 6.x the switch runs kmap_local_sched_out()
    /// for the outgoing task in prepare_task_switch() and kmap_local_sched_in() for the incoming one in
    /// finish_task_switch() (kernel/sched/core.c), each only when that task's kmap_ctrl.idx is not 0.
    /// </summary>
    public sealed partial class Machine
    {
        private VmTask?[] _curr = System.Array.Empty<VmTask?>();

        /// <summary>The task a CPU runs now (rq-&gt;curr): the one that made the last call there, or null (idle).</summary>
        public VmTask? CurrentTask(int cpu)
        {
            lock (_kmapLock)
            {
                return _curr[CheckCpu(cpu)];
            }
        }

        /// <summary>
        /// Schedules a task on a CPU (by default its own), switching out the CPU's current task. Returns the
        /// task that had the CPU (null: idle, or the task itself).
        /// </summary>
        public VmTask? Switch(string? taskName, int? cpu)
        {
            lock (_kmapLock)
            {
                var task = RunnableTask(taskName);
                var onCpu = CheckCpu(cpu ?? task.Cpu);
                var previous = _curr[onCpu];
                RunOn(task, onCpu);
                Register(task);
                return previous == task ? null : previous;
            }
        }

        /// <summary>
        /// Makes <paramref name="task"/> the current task of <paramref name="cpu"/>, switching from the task
        /// there. Refused, with nothing changed, when the task is pinned to another CPU (migrate_disable()
        /// under kmap_local, preempt_disable() under kmap_atomic) or the CPU's task has preemption off.
        /// Returns what a failing call must undo, or null when the task already ran there.
        /// </summary>
        private SwitchUndo? RunOn(VmTask task, int cpu)
        {
            var previous = _curr[cpu];
            if (previous == task)
            {
                return null;
            }

            if (task.Pinned && task.Cpu != cpu)
            {
                throw Errors.Pinned(task.Name, cpu, task.Cpu, task.PagefaultDisabled > 0);
            }

            if (previous is not null && previous != task && previous.PagefaultDisabled > 0)
            {
                throw Errors.NotPreemptible(task.Name, cpu, previous.Name);
            }

            var undo = new SwitchUndo(Events.NextSequence, task, cpu, previous, _curr[task.Cpu] == task && task.Cpu != cpu);
            if (undo.LeftCpu)
            {
                _curr[task.Cpu] = null;
            }

            // A switch from the idle task is recorded only when it has mappings to restore.
            if (Kernel.KmapLocalMaxIdx is not null && (previous is not null || task.KmapCtrl.Idx > 0))
            {
                Events.Add(EventKind.ContextSwitch, task.Name, cpu, detail: (previous?.Name ?? "swapper/" + cpu) + " -> " + task.Name);
                if (previous is not null && previous.KmapCtrl.Idx > 0)
                {
                    Local?.SchedOut(previous, cpu, undo);
                }

                if (task.KmapCtrl.Idx > 0)
                {
                    Local?.SchedIn(task, cpu, undo);
                }
            }

            _curr[cpu] = task;
            task.Cpu = cpu;
            return undo;
        }

        /// <summary>
        /// schedule() from a task that has gone to sleep (in kmap(), on pkmap_map_wait): its CPU switches to
        /// the idle task, which on 6.x takes the sleeper's kmap_local mappings off the CPU.
        /// </summary>
        private void Sleep(VmTask task)
        {
            var cpu = task.Cpu;
            if (Kernel.KmapLocalMaxIdx is not null && task.KmapCtrl.Idx > 0)
            {
                Events.Add(EventKind.ContextSwitch, task.Name, cpu, detail: task.Name + " -> swapper/" + cpu);
                Local?.SchedOut(task, cpu, null);
            }

            _curr[cpu] = null;
        }

        /// <summary>Leaves the machine as it was before <see cref="RunOn"/>, for a call that failed after it.</summary>
        private void Undo(SwitchUndo? undo)
        {
            if (undo is null)
            {
                return;
            }

            undo.RestorePages(Tlb);
            _curr[undo.Cpu] = undo.Previous;
            undo.Task.Cpu = undo.TaskCpu;
            if (undo.LeftCpu)
            {
                _curr[undo.TaskCpu] = undo.Task;
            }

            Events.Truncate(undo.Sequence);
        }
    }
}
