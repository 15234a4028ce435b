using KernelVm.Highmem;
using KernelVm.Physical;
using KernelVm.Tasks;
using KernelVm.Trace;

namespace KernelVm
{
    /// <summary>6.x kmap_local_page() and kunmap_local(), on the task's stack of slots. Every call holds kmap_lock.</summary>
    public sealed partial class Machine
    {
        /// <summary>The kmap_local slots; null without CONFIG_KMAP_LOCAL (before 6.x, or without CONFIG_HIGHMEM).</summary>
        public KmapLocal? Local { get; private set; }

        /// <summary>
        /// kmap_local_page() on a task's CPU (include/linux/highmem-internal.h): page_address() for a lowmem
        /// page and without CONFIG_HIGHMEM, otherwise a slot pushed on the task's kmap_local stack.
        /// </summary>
        public KmapLocalOutcome KmapLocalPage(string? taskName, int? cpu, ulong pfn)
        {
            lock (_kmapLock)
            {
                RequireKmapLocal();
                var task = RunnableTask(taskName);
                var outcome = MapLocal(task, CheckCpu(cpu ?? task.Cpu), pfn, "kmap_local_page()");
                Register(task);
                return outcome;
            }
        }

        /// <summary>kunmap_local(): kunmap_local_indexed() with CONFIG_HIGHMEM, nothing without (x86 has no ARCH_HAS_FLUSH_ON_KUNMAP).</summary>
        public KunmapLocalOutcome KunmapLocal(string? taskName, int? cpu, ulong kvaddr)
        {
            lock (_kmapLock)
            {
                RequireKmapLocal();
                CheckVirtual(kvaddr);
                var task = RunnableTask(taskName);
                var outcome = UnmapLocal(task, CheckCpu(cpu ?? task.Cpu), kvaddr, "kunmap_local()");
                Register(task);
                return outcome;
            }
        }

        /// <summary>The fixmap index of a kmap_atomic or kmap_local slot address, or null.</summary>
        public int? KmapFixmapIndex(ulong vaddr) => Atomic?.FixmapIndexOf(vaddr) ?? Local?.FixmapIndexOf(vaddr);

        private void RequireKmapLocal()
        {
            if (Kernel.KmapLocalMaxIdx is null)
            {
                throw Errors.NoKmapLocal(Kernel.Version);
            }
        }

        /// <summary>
        /// __kmap_local_page_prot() (mm/highmem.c): page_address() for a lowmem page, unless FORCE_MAP maps it
        /// anyway; otherwise __kmap_local_pfn_prot(). Without CONFIG_HIGHMEM kmap_local_page() is page_address().
        /// </summary>
        private KmapLocalOutcome MapLocal(VmTask task, int cpu, ulong pfn, string how)
        {
            var highmem = Memory.ZoneOf(pfn).IsHighMem;
            var undo = RunOn(task, cpu);
            if (Local is null || (!highmem && !Local.ForceMap))
            {
                var vaddr = PageOffset + (pfn << PageShift);
                Events.Add(EventKind.KmapLocal, task.Name, cpu, pfn: (long)pfn, address: vaddr,
                    detail: how + ": " + (Local is null ? "no CONFIG_HIGHMEM" : "lowmem") + ", page_address()");
                return new KmapLocalOutcome(task.Name, cpu, pfn, vaddr, -1, -1, task.KmapCtrl.Idx);
            }

            try
            {
                Local.CheckMap(task, cpu, pfn);
            }
            catch (KernelVmException)
            {
                Undo(undo);
                throw;
            }

            var slot = Local.Map(task, cpu, pfn, how);
            var idx = Local.CalcIdx(slot, cpu);
            return new KmapLocalOutcome(task.Name, cpu, pfn, Local.SlotAddress(idx), slot, Local.FixKmapBegin + idx, task.KmapCtrl.Idx);
        }

        private KunmapLocalOutcome UnmapLocal(VmTask task, int cpu, ulong kvaddr, string how)
        {
            var undo = RunOn(task, cpu);
            if (Local is null)
            {
                Events.Add(EventKind.KunmapLocal, task.Name, cpu, address: kvaddr, detail: how + ": no CONFIG_HIGHMEM, nothing to unmap");
                return new KunmapLocalOutcome(kvaddr, -1, -1, -1, 0, task.KmapCtrl.Idx, null, false);
            }

            try
            {
                Local.CheckUnmap(task, kvaddr);
            }
            catch (KernelVmException)
            {
                Undo(undo);
                throw;
            }

            return Local.Unmap(task, cpu, kvaddr, how);
        }
    }
}
