using KernelVm.Layout;
using KernelVm.Profiles;
using KernelVm.Trace;

namespace KernelVm.Core.Tests;

/// <summary>
/// 6.x kmap_local against mm/highmem.c, include/linux/highmem-internal.h, include/asm-generic/kmap_size.h,
/// arch/x86/include/asm/highmem.h and kernel/sched/core.c (6.17). Unless a test says otherwise: VMSPLIT_3G,
/// 2 GiB RAM (highmem from pfn 0x373FE), R1 (UP), FIXADDR_TOP 0xFFFFF000, and the 6.x x86-32 fixmap enum
/// FIX_HOLE 0, FIX_DBGP_BASE 1, FIX_EARLYCON_MEM_BASE 2, so FIX_KMAP_BEGIN = 3 (kernel-model.md §4.1).
/// </summary>
public sealed class KmapLocalTests
{
    private const ulong GiB = 1UL << 30;
    private const ulong High = 0x40000;            // a highmem pfn on every machine here

    private static Machine Boot(Architecture arch = Architecture.X86, KernelConfig? options = null, KernelProfile? kernel = null) =>
        Machine.Boot(new MachineConfig { Kernel = kernel ?? KernelProfile.V6, Architecture = arch, MemorySize = 2 * GiB, Options = options ?? KernelConfig.R1 });

    private static ulong PfnAt(Machine m, ulong vaddr) => m.Translate(vaddr) is { } pa ? pa >> Machine.PageShift : ulong.MaxValue;

    // __kmap_local_pfn_prot: kmap_local_idx_push() makes idx 1, the slot is idx - 1 = 0, kmap_local_calc_idx(0) = 0 + 16 * 0;
    // vaddr = __fix_to_virt(FIX_KMAP_BEGIN + 0) = 0xFFFFF000 - (3 << 12) = 0xFFFFC000. The next push: slot 1, 0xFFFFB000.
    [Fact]
    public void UP_first_two_pushes_take_slots_0_and_1_at_0xFFFFC000_and_0xFFFFB000()
    {
        var m = Boot();
        Assert.Equal(3, m.Local!.FixKmapBegin);
        var a = m.KmapLocalPage(null, null, High);
        var b = m.KmapLocalPage(null, null, High + 1);
        Assert.Equal((0, 3, 0xFFFFC000UL, 1), (a.Slot, a.FixmapIndex, a.VirtualAddress, a.Idx));
        Assert.Equal((1, 4, 0xFFFFB000UL, 2), (b.Slot, b.FixmapIndex, b.VirtualAddress, b.Idx));
        Assert.Equal(High + 1, PfnAt(m, 0xFFFFB000));
        Assert.Equal(m.Prot.PageKernel | ((High + 1) << 12), m.FindTask(null)!.KmapCtrl.Pteval[1]);   // kmap_ctrl.pteval[kmap_local_idx()] = pteval
    }

    // PAE, NR_CPUS 4: SMP forces X86_LOCAL_APIC and X86_IO_APIC, so FIX_APIC_BASE = 3, FIX_IO_APIC_BASE_0..END = 4..67
    // (MAX_IO_APICS 64 on x86-32) and FIX_KMAP_BEGIN = 68, FIX_KMAP_END = 68 + 16 * 4 - 1 = 131. On CPU 1 the second push is
    // slot 1: idx = 1 + 16 * 1 = 17, vaddr = FIXADDR_TOP - ((68 + 17) << 12) = 0xFFFFF000 - 0x55000 = 0xFFFAA000.
    [Fact]
    public void PAE_SMP_cpu_1_second_push_is_idx_17_at_0xFFFAA000()
    {
        var m = Boot(Architecture.X86Pae, KernelConfig.R1 with { NrCpus = 4 });
        Assert.Equal((68, 131), (m.Local!.FixKmapBegin, m.Local.FixKmapEnd));
        m.KmapLocalPage("t", 1, High);
        var second = m.KmapLocalPage("t", 1, High + 1);
        Assert.Equal((1, 68 + 17, 0xFFFAA000UL), (second.Slot, second.FixmapIndex, second.VirtualAddress));
        Assert.Equal(0xFFFAA000UL, m.FixToVirt(85));
    }

    // kmap_size.h: KM_MAX_IDX 16. kmap_local_idx_push() adds 1 and BUGs once idx >= 16: pushes 1..15 succeed,
    // the 16th would make idx 16. So a task holds 15 mappings, and the BUG changes nothing.
    [Fact]
    public void Sixteenth_push_is_a_BUG_because_idx_would_reach_KM_MAX_IDX()
    {
        var m = Boot();
        Assert.Equal(15, m.Local!.MaxDepth);
        for (ulong i = 0; i < 15; i++)
        {
            m.KmapLocalPage(null, null, High + i);
        }

        var before = m.Events.NextSequence;
        var e = Assert.Throws<KernelVmException>(() => m.KmapLocalPage(null, null, High + 15));
        Assert.Equal(Errors.KmapLocalStackFull, e.ErrorId);
        Assert.Equal(High + 15, e.Target);
        Assert.Equal(15, m.FindTask(null)!.KmapCtrl.Idx);
        Assert.Equal(before, m.Events.NextSequence);
        Assert.Equal(0UL, m.Local.Pte(15, 0));
    }

    // CONFIG_DEBUG_KMAP_LOCAL (DEBUG_HIGHMEM selects it): KM_MAX_IDX 33 and KM_INCR 2. Pushes make idx 2, 4, ...: the slots
    // are idx - 1 = 1, 3, ..., and the even slots stay unmapped as guards. First push: FIX_KMAP_BEGIN + 1 = 4, 0xFFFFB000;
    // second: 3 + 3 = 6, 0xFFFF9000. idx 32 (16 mappings) is the last: 34 >= 33 BUGs.
    [Fact]
    public void Debug_kmap_local_pushes_by_two_leaving_guard_slots()
    {
        var m = Boot(options: KernelConfig.R1 with { DebugHighmem = true });
        Assert.Equal((33, 2, 16), (m.Local!.KmMaxIdx, m.Local.KmIncr, m.Local.MaxDepth));
        Assert.Equal(3 + 33 - 1, m.Local.FixKmapEnd);
        var a = m.KmapLocalPage(null, null, High);
        var b = m.KmapLocalPage(null, null, High + 1);
        Assert.Equal((1, 0xFFFFB000UL, 2), (a.Slot, a.VirtualAddress, a.Idx));
        Assert.Equal((3, 0xFFFF9000UL, 4), (b.Slot, b.VirtualAddress, b.Idx));
        Assert.Equal(0UL, m.Local.Pte(0, 0));                                    // guard
        Assert.Equal(0UL, m.Local.Pte(2, 0));                                    // guard
        for (ulong i = 2; i < 16; i++)
        {
            m.KmapLocalPage(null, null, High + i);
        }

        Assert.Equal(32, m.FindTask(null)!.KmapCtrl.Idx);
        Assert.Equal(Errors.KmapLocalStackFull, Assert.Throws<KernelVmException>(() => m.KmapLocalPage(null, null, High + 16)).ErrorId);
    }

    // __kmap_local_page_prot(): !PageHighMem -> page_address(), no slot, idx unchanged: pfn 0x100 -> 0xC0100000. Under
    // DEBUG_HIGHMEM x86 also gets DEBUG_KMAP_LOCAL_FORCE_MAP (lib/Kconfig.debug), so the lowmem page takes slot 1 instead.
    [Fact]
    public void Lowmem_page_is_page_address_unless_force_map()
    {
        var m = Boot();
        var low = m.KmapLocalPage(null, null, 0x100);
        Assert.Equal((0xC0100000UL, -1, true, 0), (low.VirtualAddress, low.Slot, low.Lowmem, low.Idx));
        var forced = Boot(options: KernelConfig.R1 with { DebugHighmem = true }).KmapLocalPage(null, null, 0x100);
        Assert.Equal((0xFFFFB000UL, 1, false), (forced.VirtualAddress, forced.Slot, forced.Lowmem));
    }

    // x86-64 has no CONFIG_HIGHMEM: kmap_local_page() is page_address() = __va(0x100 << 12) = 0xFFFF888000100000 (W30),
    // and __kunmap_local() does nothing (no ARCH_HAS_FLUSH_ON_KUNMAP on x86).
    [Fact]
    public void X86_64_kmap_local_page_is_the_direct_map()
    {
        var m = Boot(Architecture.X86_64);
        Assert.Null(m.Local);
        var o = m.KmapLocalPage(null, null, 0x100);
        Assert.Equal((0xFFFF888000100000UL, -1), (o.VirtualAddress, o.Slot));
        var u = m.KunmapLocal(null, null, 0x1000);
        Assert.Equal((-1, (string?)null), (u.Slot, u.Warning));
    }

    [Fact]
    public void Kernels_before_6_have_no_kmap_local()
    {
        foreach (var kernel in new[] { KernelProfile.V2_6_24, KernelProfile.V2_4_22 })
        {
            var m = Boot(kernel: kernel);
            var e = Assert.Throws<KernelVmException>(() => m.KmapLocalPage(null, null, High));
            Assert.Equal((Errors.KmapLocalNotInKernel, (object)kernel.Version), (e.ErrorId, e.Target));
            Assert.Equal(Errors.KmapLocalNotInKernel, Assert.Throws<KernelVmException>(() => m.KunmapLocal(null, null, 0xFFFFC000)).ErrorId);
            Assert.Null(m.Local);
        }
    }

    // kunmap_local_indexed(): the top slot's PTE goes (pte_clear), flush_tlb_one_kernel() drops the address on this CPU
    // only (arch_kmap_local_post_unmap on x86), kmap_ctrl.pteval[top] = 0 and idx pops. Another CPU keeps its entry.
    [Fact]
    public void Unmap_clears_the_PTE_and_flushes_only_this_cpu()
    {
        var m = Boot(options: KernelConfig.R1 with { NrCpus = 2 });
        var a = m.KmapLocalPage("a", 0, High);
        m.Access("a", 0, a.VirtualAddress);
        m.Access("b", 1, a.VirtualAddress);
        var u = m.KunmapLocal("a", null, a.VirtualAddress + 0x123);               // any address inside the page
        Assert.Equal((0, a.FixmapIndex, (long)High, a.VirtualAddress, 0, (string?)null), (u.Slot, u.FixmapIndex, u.Pfn, u.Flushed, u.Idx, u.Warning));
        Assert.Equal(0UL, m.Local!.Pte(0, 0));
        Assert.False(m.Tlb.TryGet(0, a.VirtualAddress, out _));
        Assert.True(m.Tlb.TryGet(1, a.VirtualAddress, out _));
        Assert.Equal(Errors.StaleTlbAccess, Assert.Throws<KernelVmException>(() => m.Access("b", 1, a.VirtualAddress)).ErrorId);
        Assert.Equal(0UL, m.FindTask("a")!.KmapCtrl.Pteval[0]);
    }

    // Out of order: with X in slot 0 (0xFFFFC000) and Y in slot 1 (0xFFFFB000), kunmap_local(X) finds idx = 1 + 16 * 0 = 1,
    // whose address 0xFFFFB000 != 0xFFFFC000: WARN_ON_ONCE, then kmap_get_pte(addr, idx) = __kmap_pte[-1] is slot 1's
    // PTE, cleared, while flush_tlb_one_kernel(0xFFFFC000) flushes X. Y's TLB entry survives its PTE: a stale
    // translation. Unmapping Y next pops slot 0 (X's PTE) and flushes Y; that WARN_ON_ONCE stays silent.
    [Fact]
    public void Out_of_order_unmap_warns_once_and_still_pops_the_top()
    {
        var m = Boot();
        var x = m.KmapLocalPage(null, null, High);
        var y = m.KmapLocalPage(null, null, High + 1);
        m.Access(null, null, x.VirtualAddress);
        m.Access(null, null, y.VirtualAddress);
        var first = m.KunmapLocal(null, null, x.VirtualAddress);
        Assert.Equal((1, (long)(High + 1), x.VirtualAddress, 1, true), (first.Slot, first.Pfn, first.Flushed, first.Idx, first.WarningPrinted));
        Assert.NotNull(first.Warning);
        Assert.Equal(High, PfnAt(m, x.VirtualAddress));                          // X is still mapped
        Assert.Null(m.Translate(y.VirtualAddress));                              // Y's PTE is gone ...
        var stale = Assert.Throws<KernelVmException>(() => m.Access(null, null, y.VirtualAddress));
        Assert.Equal(Errors.StaleTlbAccess, stale.ErrorId);                     // ... but not its TLB entry
        var second = m.KunmapLocal(null, null, y.VirtualAddress);
        Assert.Equal((0, (long)High, y.VirtualAddress, 0, false), (second.Slot, second.Pfn, second.Flushed, second.Idx, second.WarningPrinted));
        Assert.NotNull(second.Warning);
        Assert.Null(m.Translate(x.VirtualAddress));
        Assert.Equal(2, m.Events.Since(0).Count(e => e.Kind == EventKind.KmapLocalWarning));
    }

    // An address outside FIX_KMAP_BEGIN..END: a lowmem one is silently nothing; one below PAGE_OFFSET WARNs; with
    // FORCE_MAP every such address WARNs. An address in the slots with an empty stack: kmap_local_idx_pop() BUGs.
    [Fact]
    public void Unmap_outside_the_slots_and_with_an_empty_stack()
    {
        var m = Boot();
        var lowmem = m.KunmapLocal(null, null, 0xC0100000);
        Assert.Equal((-1, (string?)null), (lowmem.Slot, lowmem.Warning));
        var user = m.KunmapLocal(null, null, 0x08048000);
        Assert.Equal((-1, true), (user.Slot, user.WarningPrinted));
        var before = m.Events.NextSequence;
        var e = Assert.Throws<KernelVmException>(() => m.KunmapLocal(null, null, 0xFFFFC000));
        Assert.Equal((Errors.KunmapLocalEmpty, (object)0xFFFFC000UL), (e.ErrorId, e.Target));
        Assert.Equal(before, m.Events.NextSequence);
        var forced = Boot(options: KernelConfig.R1 with { DebugHighmem = true }).KunmapLocal(null, null, 0xC0100000);
        Assert.True(forced.WarningPrinted);
    }

    // kernel/sched/core.c: prepare_task_switch() runs __kmap_local_sched_out() for the outgoing task (its slots cleared,
    // each flushed), finish_task_switch() __kmap_local_sched_in() for the incoming one (its pteval[] written back). So
    // task a's X and task b's Z share 0xFFFFC000, stack slot 0 of CPU 0: only the running task's mapping is there.
    [Fact]
    public void Context_switch_takes_the_outgoing_mappings_off_and_restores_the_incoming()
    {
        var m = Boot();
        var x = m.KmapLocalPage("a", null, High);
        m.Access("a", null, x.VirtualAddress);
        var z = m.KmapLocalPage("b", null, High + 5);
        Assert.Equal(x.VirtualAddress, z.VirtualAddress);
        Assert.Equal(High + 5, PfnAt(m, 0xFFFFC000));
        Assert.Equal(m.Prot.PageKernel | (High << 12), m.FindTask("a")!.KmapCtrl.Pteval[0]);  // kept for the switch back
        var kinds = m.Events.Since(0).Select(e => e.Kind).ToList();
        Assert.Contains(EventKind.ContextSwitch, kinds);
        Assert.Contains(EventKind.KmapLocalSchedOut, kinds);
        Assert.Same(m.FindTask("b"), m.CurrentTask(0));
        Assert.Same(m.FindTask("b"), m.Switch("a", null));                      // b had the CPU
        Assert.Equal(High, PfnAt(m, 0xFFFFC000));
        Assert.Equal((High << 12) + 0x10, m.Access("a", null, 0xFFFFC010).Physical);
        Assert.Contains(EventKind.KmapLocalSchedIn, m.Events.Since(0).Select(e => e.Kind));
    }

    // migrate_disable() in __kmap_local_pfn_prot() pins the task to its CPU until the unmap's migrate_enable(). With
    // NR_CPUS 2, FIX_KMAP_BEGIN is 68 (as in the PAE test); slot 0 of CPU 1 is idx 0 + 16 * 1, at 0xFFFFF000 - (84 << 12) = 0xFFFAB000.
    [Fact]
    public void A_task_holding_kmap_local_cannot_change_cpu()
    {
        var m = Boot(options: KernelConfig.R1 with { NrCpus = 2 });
        var x = m.KmapLocalPage("a", 0, High);
        var e = Assert.Throws<KernelVmException>(() => m.KmapLocalPage("a", 1, High + 1));
        Assert.Equal((Errors.TaskMigrationDisabled, (object)1), (e.ErrorId, e.Target));
        m.KunmapLocal("a", null, x.VirtualAddress);
        Assert.Equal(0xFFFAB000UL, m.KmapLocalPage("a", 1, High + 1).VirtualAddress);
    }

    // 6.x kmap_atomic(page) = preempt_disable() + pagefault_disable() + __kmap_local_page_prot() (highmem-internal.h).
    // With preemption off no other task gets the CPU, and the task cannot migrate; kunmap_atomic() undoes one of each.
    // NR_CPUS 2: slot 0 of CPU 0 is FIX_KMAP_BEGIN 68, at 0xFFFFF000 - (68 << 12) = 0xFFFBB000.
    [Fact]
    public void Kmap_atomic_wraps_kmap_local_with_preemption_off()
    {
        var m = Boot(options: KernelConfig.R1 with { NrCpus = 2 });
        var vaddr = m.KmapAtomic("a", 0, null, High);
        Assert.Equal(0xFFFBB000UL, vaddr);
        Assert.Equal((1, 1), (m.FindTask("a")!.PagefaultDisabled, m.FindTask("a")!.KmapCtrl.Idx));
        Assert.Equal(Errors.CpuNotPreemptible, Assert.Throws<KernelVmException>(() => m.KmapLocalPage("b", 0, High + 1)).ErrorId);
        Assert.Equal(Errors.TaskMigrationDisabled, Assert.Throws<KernelVmException>(() => m.Access("a", 1, 0xC0100000)).ErrorId);
        Assert.Equal(Errors.KmTypeNotInKernel, Assert.Throws<KernelVmException>(() => m.KmapAtomic("a", 0, "KM_USER0", High)).ErrorId);
        Assert.True(m.KunmapAtomic("a", null, null, vaddr));
        Assert.Equal((0, 0), (m.FindTask("a")!.PagefaultDisabled, m.FindTask("a")!.KmapCtrl.Idx));
        Assert.Equal(Errors.KunmapAtomicUnbalanced, Assert.Throws<KernelVmException>(() => m.KunmapAtomic("a", null, null, vaddr)).ErrorId);
        Assert.Equal(0xC0100000UL, m.KmapAtomic("b", 0, null, 0x100));         // lowmem: page_address(), preemption still off
        Assert.Equal(1, m.FindTask("b")!.PagefaultDisabled);
    }

    [Fact]
    public void Kmap_atomic_before_6_needs_a_km_type()
    {
        var m = Boot(kernel: KernelProfile.V2_6_24);
        Assert.Equal(Errors.KmTypeRequired, Assert.Throws<KernelVmException>(() => m.KmapAtomic(null, 0, null, High)).ErrorId);
        Assert.Equal(Errors.KmTypeRequired, Assert.Throws<KernelVmException>(() => m.KunmapAtomic(null, 0, null, 0xFFFF8000)).ErrorId);
    }

    // BUG_ON(!pte_none(...)) in __kmap_local_pfn_prot: a slot written behind kmap_local's back (set_fixmap).
    [Fact]
    public void A_slot_written_by_set_fixmap_is_a_BUG()
    {
        var m = Boot();
        m.SetFixmap(m.Local!.FixKmapBegin, 0x1000, false);
        Assert.Equal(Errors.KmapLocalSlotBusy, Assert.Throws<KernelVmException>(() => m.KmapLocalPage(null, null, High)).ErrorId);
        Assert.Equal(0, m.FindTask(null)?.KmapCtrl.Idx ?? 0);
    }

    // A call that fails after its context switch leaves the machine as it was, the switch included: b's access to a's
    // slot faults once a's mapping is switched out, and a is back on the CPU with its PTE and TLB entry.
    [Fact]
    public void A_failing_call_undoes_its_switch()
    {
        var m = Boot();
        var x = m.KmapLocalPage("a", null, High);
        m.Access("a", null, x.VirtualAddress);
        var before = m.Events.NextSequence;
        Assert.Equal(Errors.UnmappedKernelAccess, Assert.Throws<KernelVmException>(() => m.Access("b", null, x.VirtualAddress)).ErrorId);
        Assert.Equal(before, m.Events.NextSequence);
        Assert.Same(m.FindTask("a"), m.CurrentTask(0));
        Assert.Equal(High, PfnAt(m, x.VirtualAddress));
        Assert.True(m.Tlb.TryGet(0, x.VirtualAddress, out _));
        Assert.Null(m.FindTask("b"));
    }
}
