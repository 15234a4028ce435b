using System.Collections.Generic;
using KernelVm.Highmem;
using KernelVm.Physical;
using KernelVm.Tasks;
using KernelVm.Tlb;
using KernelVm.Trace;

namespace KernelVm
{
    /// <summary>High memory: kmap, kunmap, kmap_atomic, the TLBs and the tasks that use them. Every call holds kmap_lock.</summary>
    public sealed partial class Machine
    {
        /// <summary>The task kmap() runs in when none is named.</summary>
        public const string DefaultTask = "task0";

        private readonly object _kmapLock = new();
        private readonly Dictionary<string, VmTask> _tasks = new(System.StringComparer.OrdinalIgnoreCase);

        // The task of the last call: calls mostly come from one task, which then skips the dictionary.
        private VmTask? _current;

        /// <summary>The persistent kmaps; null without CONFIG_HIGHMEM.</summary>
        public Pkmap? Pkmap { get; private set; }

        /// <summary>The kmap_atomic slots of km_type; null without CONFIG_HIGHMEM, and in 6.x (see <see cref="Local"/>).</summary>
        public KmapAtomic? Atomic { get; private set; }

        public TranslationBuffers Tlb { get; private set; } = null!;

        /// <summary>The most recent events, as many as the machine's event log capacity.</summary>
        public EventLog Events { get; }

        /// <summary>The tasks created so far, in creation order.</summary>
        public IReadOnlyCollection<VmTask> Tasks
        {
            get
            {
                lock (_kmapLock)
                {
                    return new List<VmTask>(_tasks.Values);
                }
            }
        }

        /// <summary>kmap(): a lowmem page's permanent address, or kmap_high() for a highmem page.</summary>
        public KmapOutcome Kmap(string? taskName, ulong pfn, bool nonblock = false)
        {
            lock (_kmapLock)
            {
                var task = RunnableTask(taskName);
                var highmemPage = Memory.ZoneOf(pfn).IsHighMem;
                if (nonblock && !Kernel.HasKmapNonblock)
                {
                    throw Errors.NoNonblock(Kernel.Version);
                }

                RunOn(task, task.Cpu);
                Register(task);
                KmapOutcome outcome;
                if (!highmemPage)
                {
                    var vaddr = PageOffset + (pfn << PageShift);
                    Events.Add(EventKind.KmapLowmem, task.Name, task.Cpu, pfn: (long)pfn, address: vaddr);
                    outcome = new KmapOutcome(task.Name, pfn, KmapStatus.Lowmem, vaddr, -1, -1, false, false);
                }
                else
                {
                    outcome = Pkmap!.KmapHigh(task, pfn, nonblock);
                    if (outcome.Status == KmapStatus.Blocked)
                    {
                        Sleep(task);
                    }
                }

                task.LastKmap = outcome;
                return outcome;
            }
        }

        /// <summary>kunmap(): nothing for a lowmem page; kunmap_high() otherwise. Returns the kmaps of the tasks it woke.</summary>
        public KunmapOutcome Kunmap(string? taskName, ulong pfn)
        {
            lock (_kmapLock)
            {
                var task = RunnableTask(taskName);
                var highmem = Memory.ZoneOf(pfn).IsHighMem;
                var undo = RunOn(task, task.Cpu);
                try
                {
                    var outcome = !highmem
                        ? new KunmapOutcome(pfn, PageOffset + (pfn << PageShift), -1, -1, System.Array.Empty<KmapOutcome>())
                        : Pkmap!.KunmapHigh(task, pfn);
                    Register(task);
                    return outcome;
                }
                catch (KernelVmException)
                {
                    Undo(undo);
                    throw;
                }
            }
        }

        /// <summary>Takes a task blocked in kmap() off pkmap_map_wait (see <see cref="Pkmap.CancelWait"/>).</summary>
        public void CancelWait(string taskName)
        {
            lock (_kmapLock)
            {
                var task = _tasks.TryGetValue(taskName, out var found) ? found : throw Errors.NoSuchTask(taskName);
                if (task.State != TaskState.Blocked)
                {
                    throw Errors.NotBlocked(task.Name);
                }

                Pkmap!.CancelWait(task);
            }
        }

        /// <summary>
        /// kmap_atomic() on a task's CPU. Before 6.x, kmap_atomic(page, type): the lowmem address, or the CPU's
        /// fixmap slot for the km_type. In 6.x there is no km_type: kmap_atomic(page) is preempt_disable(),
        /// pagefault_disable() and kmap_local (include/linux/highmem-internal.h).
        /// </summary>
        public ulong KmapAtomic(string? taskName, int? cpu, string? type, ulong pfn)
        {
            lock (_kmapLock)
            {
                var task = RunnableTask(taskName);
                var onCpu = CheckCpu(cpu ?? task.Cpu);
                ulong vaddr;
                if (Kernel.KmapLocalMaxIdx is not null)
                {
                    if (type is not null)
                    {
                        throw Errors.NoKmTypes(Kernel.Version, type);
                    }

                    vaddr = MapLocal(task, onCpu, pfn, "kmap_atomic(), after preempt_disable() and pagefault_disable()").VirtualAddress;
                    task.PagefaultDisabled++;
                    Register(task);
                    return vaddr;
                }

                var value = KmType(type);
                var highmem = Memory.ZoneOf(pfn).IsHighMem;
                var undo = RunOn(task, onCpu);
                if (!highmem)
                {
                    vaddr = PageOffset + (pfn << PageShift);
                    Events.Add(EventKind.KmapAtomic, task.Name, onCpu, pfn: (long)pfn, address: vaddr, detail: type + ": lowmem, page_address()");
                }
                else
                {
                    try
                    {
                        vaddr = Atomic!.Map(task.Name, onCpu, value, type!.ToUpperInvariant(), pfn);
                    }
                    catch (KernelVmException)
                    {
                        Undo(undo);
                        throw;
                    }
                }

                Register(task);
                return vaddr;
            }
        }

        /// <summary>
        /// kunmap_atomic(kvaddr, type) before 6.x; in 6.x kunmap_atomic(kvaddr) is kunmap_local_indexed(), then
        /// pagefault_enable() and preempt_enable(). Returns whether it cleared a PTE.
        /// </summary>
        public bool KunmapAtomic(string? taskName, int? cpu, string? type, ulong kvaddr)
        {
            lock (_kmapLock)
            {
                var task = RunnableTask(taskName);
                var onCpu = CheckCpu(cpu ?? task.Cpu);
                bool cleared;
                if (Kernel.KmapLocalMaxIdx is not null)
                {
                    if (type is not null)
                    {
                        throw Errors.NoKmTypes(Kernel.Version, type);
                    }

                    CheckVirtual(kvaddr);
                    if (task.PagefaultDisabled == 0)
                    {
                        throw Errors.KunmapAtomicWithoutKmap(task.Name, kvaddr);
                    }

                    cleared = UnmapLocal(task, onCpu, kvaddr, "kunmap_atomic(), then pagefault_enable() and preempt_enable()").Slot >= 0;
                    task.PagefaultDisabled--;
                    Register(task);
                    return cleared;
                }

                var value = KmType(type);
                var undo = RunOn(task, onCpu);
                try
                {
                    cleared = Atomic is not null && Atomic.Unmap(task.Name, onCpu, value, type!.ToUpperInvariant(), kvaddr);
                }
                catch (KernelVmException)
                {
                    Undo(undo);
                    throw;
                }

                Register(task);
                return cleared;
            }
        }

        /// <summary>
        /// A CPU touches a kernel virtual address: a TLB hit is used as is (and a stale one is the bug it
        /// would be); a miss walks the page tables and loads the entry. Returns the physical address and
        /// whether the TLB already held it.
        /// </summary>
        public (ulong Physical, bool TlbHit) Access(string? taskName, int? cpu, ulong vaddr)
        {
            lock (_kmapLock)
            {
                var task = RunnableTask(taskName);
                var onCpu = CheckCpu(cpu ?? task.Cpu);
                CheckVirtual(vaddr);
                var undo = RunOn(task, onCpu);
                try
                {
                    return Touch(task, onCpu, vaddr);
                }
                catch (KernelVmException)
                {
                    Undo(undo);
                    throw;
                }
            }
        }

        /// <summary>The access itself, once the task runs on the CPU.</summary>
        private (ulong Physical, bool TlbHit) Touch(VmTask task, int onCpu, ulong vaddr)
        {
            var page = vaddr & ~(PageSize - 1);
            var current = Translate(vaddr) is { } hit ? hit & ~(PageSize - 1) : (ulong?)null;
            if (Tlb.TryGet(onCpu, page, out var cached))
            {
                if (current is null || current.Value >> PageShift != cached.Pfn)
                {
                    throw Errors.StaleTlb(onCpu, vaddr, cached.Pfn, current >> PageShift);
                }

                Register(task);
                return ((cached.Pfn << PageShift) + (vaddr & (PageSize - 1)), true);
            }

            if (current is null)
            {
                throw Errors.Unmapped(onCpu, vaddr);
            }

            var walk = PageTables?.Walk(page);
            var global = walk is not null && (walk[walk.Count - 1].Value & (ulong)Paging.PteFlags.Global) != 0;
            Tlb.Load(new TlbEntry(onCpu, page, current.Value >> PageShift, global));
            Events.Add(EventKind.TlbLoad, task.Name, onCpu, pfn: (long)(current.Value >> PageShift), address: page);
            Register(task);
            return (current.Value + (vaddr & (PageSize - 1)), false);
        }

        /// <summary>The page_address_htable bucket page_address() searches for a page, or -1 (no hash: lowmem, or 2.4.22).</summary>
        public int PageAddressBucket(ulong pfn) => Pkmap?.Store.BucketOf(Memory.PfnToPage(pfn)) ?? -1;

        /// <summary>
        /// kmap_atomic_to_page(): below FIXADDR_START it is virt_to_page(); above, the pfn in the fixmap
        /// PTE of virt_to_fix(ptr), which BUGs outside [FIXADDR_START, FIXADDR_TOP).
        /// </summary>
        public ulong KmapAtomicToPfn(ulong ptr)
        {
            lock (_kmapLock)
            {
                if (ptr < Layout.FixaddrStart)
                {
                    return Pa(ptr) >> PageShift;
                }

                if (ptr >= Layout.FixaddrTop)
                {
                    throw Errors.VirtToFixBug(ptr, Layout.FixaddrStart, Layout.FixaddrTop);
                }

                return (Translate(ptr & ~(PageSize - 1)) ?? throw Errors.Unmapped(null, ptr)) >> PageShift;
            }
        }

        /// <summary>kmap_flush_unused(): flush_all_zero_pkmaps() under kmap_lock.</summary>
        public void KmapFlushUnused()
        {
            lock (_kmapLock)
            {
                Pkmap?.FlushUnused(null);
            }
        }

        /// <summary>Runs <paramref name="read"/> under kmap_lock, for a consistent snapshot.</summary>
        public T Read<T>(System.Func<Machine, T> read)
        {
            lock (_kmapLock)
            {
                return read(this);
            }
        }

        /// <summary>The task of that name, or null before its first successful call.</summary>
        public VmTask? FindTask(string? name)
        {
            lock (_kmapLock)
            {
                return Lookup(name);
            }
        }

        /// <summary>The CPU a task runs on: its own, or CPU 0 for a task not created yet.</summary>
        public int TaskCpu(string? name) => FindTask(name)?.Cpu ?? 0;

        /// <summary>The task a call runs as; a new one joins the machine only when the call succeeds.</summary>
        private VmTask Pending(string? name) => Lookup(name) ?? new VmTask(string.IsNullOrEmpty(name) ? DefaultTask : name!, 0, Local?.KmMaxIdx ?? 0);

        /// <summary>FindTask() under kmap_lock, which the caller holds.</summary>
        private VmTask? Lookup(string? name)
        {
            var key = string.IsNullOrEmpty(name) ? DefaultTask : name!;
            if (_current is { } current && string.Equals(current.Name, key, System.StringComparison.OrdinalIgnoreCase))
            {
                return current;
            }

            return _tasks.TryGetValue(key, out var task) ? _current = task : null;
        }

        private void Register(VmTask task)
        {
            if (task == _current)
            {
                return;
            }

            if (!_tasks.ContainsKey(task.Name))
            {
                _tasks.Add(task.Name, task);
            }

            _current = task;
        }

        private VmTask RunnableTask(string? name)
        {
            var task = Pending(name);
            if (task.State == TaskState.Blocked)
            {
                throw Errors.Blocked(task.Name, task.WaitingForPfn!.Value);
            }

            return task;
        }

        private int CheckCpu(int cpu) => cpu >= 0 && cpu < Tlb.Cpus ? cpu : throw Errors.BadCpu(cpu, Tlb.Cpus);

        private int KmType(string? type)
        {
            if (type is null)
            {
                throw Errors.NeedKmType(Kernel.Version, string.Join(", ", Kernel.KmTypes));
            }

            var value = Kernel.KmTypeValue(type, Options.DebugHighmem);
            return value >= 0 ? value : throw Errors.UnknownKmType(type, string.Join(", ", Kernel.KmTypes));
        }

        private void InitHighmem()
        {
            Tlb = new TranslationBuffers(Options.NrCpus);
            _curr = new VmTask?[Options.NrCpus];
            if (HighMem == Profiles.HighMemSupport.None)
            {
                return;
            }

            IPageAddressStore store = Kernel.PageAddressHashConstant is { } golden
                ? new PageAddressHash(Layout.LastPkmap, golden, Kernel.PageAddressPool)
                : new PageVirtualField();
            Pkmap = new Pkmap(Layout.LastPkmap, Layout.PkmapBase!.Value, PageTables, Prot.PageKernel, store, Memory.PfnToPage, Events, Tlb,
                Kernel.FlushOnlyIfCleared);
            if (Kernel.KmapLocalMaxIdx is not null)
            {
                // DEBUG_HIGHMEM selects DEBUG_KMAP_LOCAL and, on x86, DEBUG_KMAP_LOCAL_FORCE_MAP (lib/Kconfig.debug).
                Local = new KmapLocal(Fixmaps.IndexOf("FIX_KMAP_BEGIN"), KmTypeNr, Options.DebugHighmem, Layout.FixaddrTop, PageTables, Prot.PageKernel,
                    Events, Tlb, PageOffset, Options.NrCpus);
                return;
            }

            Atomic = new KmapAtomic(Fixmaps.IndexOf("FIX_KMAP_BEGIN"), KmTypeNr, Layout.FixaddrTop, PageTables, Prot.PageKernel,
                Events, Tlb, Kernel.KmapAtomicFlushesOnMap, Kernel.KmapAtomicDebugChecks(Options.DebugHighmem), Options.NrCpus,
                Options.DebugHighmem && !Kernel.KmapAtomicFlushesOnMap, PageOffset, HighMemory);
        }
    }
}
