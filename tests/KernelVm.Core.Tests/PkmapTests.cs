using KernelVm.Highmem;
using KernelVm.Profiles;

namespace KernelVm.Core.Tests;

/// <summary>Persistent kmaps against kernel-model.md §3 and the worked examples W11-W15, W19.</summary>
public sealed class PkmapTests
{
    private const ulong GiB = 1UL << 30;
    private static readonly ulong[] High = { 0x40000, 0x40001, 0x40002 };

    private static Machine Boot(Architecture arch = Architecture.X86, KernelProfile? kernel = null) =>
        Machine.Boot(new MachineConfig { MemorySize = 2 * GiB, Architecture = arch, Kernel = kernel ?? KernelProfile.V2_6_24 });

    [Fact]
    public void W11_W12_pkmap_addresses()
    {
        Assert.Equal(0xFF805000UL, Boot().Pkmap!.Address(5));
        Assert.Equal(0xFFC05000UL, Boot(Architecture.X86Pae).Pkmap!.Address(5));
        Assert.Equal(0xFE005000UL, Boot(kernel: KernelProfile.V2_4_22).Pkmap!.Address(5));
        Assert.Equal(5, Boot().Pkmap!.SlotOf(0xFF805ABC));
    }

    [Fact]
    public void W13_fresh_kmaps_take_slots_1_2_3()
    {
        var m = Boot();
        var outcomes = High.Select(pfn => m.Kmap(null, pfn)).ToList();
        Assert.Equal(new[] { 1, 2, 3 }, outcomes.Select(o => o.Slot));
        Assert.Equal(new[] { 0xFF801000UL, 0xFF802000, 0xFF803000 }, outcomes.Select(o => o.VirtualAddress));
        Assert.All(outcomes, o => Assert.Equal(2, o.Count));
        Assert.Equal(3, m.Pkmap!.LastPkmapNr);
        Assert.Equal(0, m.Pkmap.Count(0));
    }

    [Fact]
    public void W14_count_1_keeps_the_mapping_and_a_third_kunmap_is_a_BUG()
    {
        var m = Boot();
        var pfn = High[0];
        Assert.Equal(2, m.Kmap(null, pfn).Count);
        Assert.Equal(3, m.Kmap(null, pfn).Count);
        m.Kunmap(null, pfn);
        Assert.Equal(2, m.Pkmap!.Count(1));
        m.Kunmap(null, pfn);
        Assert.Equal(1, m.Pkmap.Count(1));
        Assert.Equal(0xFF801000UL, m.Pkmap.PageAddress(pfn));
        Assert.Equal(pfn, m.Pkmap.PfnAt(1));
        var again = m.Kmap(null, pfn);
        Assert.Equal((KmapStatus.Reused, 1, 2), (again.Status, again.Slot, again.Count));
        m.Kunmap(null, pfn);
        var e = Assert.Throws<KernelVmException>(() => m.Kunmap(null, pfn));
        Assert.Equal(Errors.PkmapCountZero, e.ErrorId);
        Assert.Equal(1, m.Pkmap.Count(1));                      // unchanged
    }

    [Fact]
    public void W15_kunmap_of_a_page_never_kmapped_is_a_BUG()
    {
        var e = Assert.Throws<KernelVmException>(() => Boot().Kunmap(null, High[0]));
        Assert.Equal(Errors.KunmapNotMapped, e.ErrorId);
    }

    [Fact]
    public void W19_kmap_atomic_of_lowmem_returns_the_direct_map_address()
    {
        var m = Boot();
        Assert.Equal(0xC0100000UL, m.KmapAtomic(null, 0, "KM_USER0", 0x100));
        Assert.Equal(0UL, m.Atomic!.Pte(0, 3));
        Assert.Equal(KmapStatus.Lowmem, m.Kmap(null, 0x100).Status);
    }

    [Fact]
    public void Kmap_atomic_uses_the_cpus_fixmap_slot_and_BUGs_when_busy()
    {
        var m = Boot();
        var vaddr = m.KmapAtomic(null, 0, "KM_USER0", High[0]);
        Assert.Equal(0xFFFFF000UL - ((ulong)(4 + 3) << 12), vaddr);   // FIX_KMAP_BEGIN (4) + KM_USER0 (3) in R1
        Assert.Equal(High[0] << 12 | 0x163, m.Atomic!.Pte(0, 3));
        Assert.Equal(High[0] << 12, m.Translate(vaddr));
        Assert.Equal(Errors.KmapAtomicSlotBusy, Assert.Throws<KernelVmException>(() => m.KmapAtomic(null, 0, "KM_USER0", High[1])).ErrorId);
        Assert.True(m.KunmapAtomic(null, 0, "KM_USER0", vaddr + 0x123));
        Assert.Null(m.Translate(vaddr));
        Assert.Equal(Errors.KmTypeUnknown, Assert.Throws<KernelVmException>(() => m.KmapAtomic(null, 0, "KM_NOPE", High[0])).ErrorId);
    }

    [Fact]
    public void Wrap_flushes_the_count_1_slots_and_the_TLB()
    {
        var m = Boot();
        var last = m.Pkmap!.LastPkmap;
        for (ulong i = 0; i < (ulong)last - 1; i++)
        {
            m.Kmap(null, 0x40000 + i);                               // slots 1 .. LAST_PKMAP-1
        }

        m.Kunmap(null, 0x40000);                                     // slot 1 drops to count 1
        m.Access(null, 0, 0xFF801000);                               // the TLB caches slot 1's mapping
        Assert.Single(m.Tlb.Entries(0));
        var o = m.Kmap(null, 0x50000);
        Assert.True(o.Wrapped);
        Assert.True(o.Flushed);
        Assert.Equal(0, o.Slot);                                     // slot 0 is only handed out right after a wrap
        Assert.Empty(m.Tlb.Entries(0));
        Assert.Equal(0UL, m.Pkmap.PageAddress(0x40000));             // slot 1 was at count 1: flushed, now free
        Assert.Equal(0, m.Pkmap.Count(1));
    }

    [Fact]
    public void Exhaustion_blocks_the_task_and_a_kunmap_to_1_wakes_it()
    {
        var m = Boot();
        var last = m.Pkmap!.LastPkmap;
        for (ulong i = 0; i < (ulong)last; i++)
        {
            m.Kmap("filler", 0x40000 + i);
        }

        var blocked = m.Kmap("waiter", 0x60000);
        Assert.Equal(KmapStatus.Blocked, blocked.Status);
        Assert.Equal(Tasks.TaskState.Blocked, m.FindTask("waiter")!.State);
        Assert.Single(m.Pkmap.Waiters);
        Assert.Equal(Errors.TaskBlocked, Assert.Throws<KernelVmException>(() => m.Kmap("waiter", 0x60001)).ErrorId);

        var woken = m.Kunmap("filler", 0x40005).Woken;
        var done = Assert.Single(woken);
        Assert.Equal(KmapStatus.NewSlot, done.Status);
        Assert.True(done.Flushed);
        Assert.Equal(Tasks.TaskState.Running, m.FindTask("waiter")!.State);
        Assert.Equal(0x60000UL, m.Pkmap.PfnAt(done.Slot));
    }

    [Fact]
    public void Hash_bucket_comes_from_hash_ptr_of_the_struct_page_address()
    {
        var m = Boot();
        m.Kmap(null, 0x40000);
        var page = m.Memory.PfnToPage(0x40000);
        var expected = (int)((uint)(page * 0x9E370001UL) >> 25);
        var hash = (PageAddressHash)m.Pkmap!.Store;
        var entry = Assert.Single(hash.Entries());
        Assert.Equal(expected, entry.Bucket);
        Assert.Equal(1023, entry.Entry);                             // page_address_maps[LAST_PKMAP - 1] comes off the pool first
    }

    [Fact]
    public void Kernel_2_4_22_nonblock_fails_instead_of_sleeping()
    {
        var m = Boot(kernel: KernelProfile.V2_4_22);
        for (ulong i = 0; i < (ulong)m.Pkmap!.LastPkmap; i++)
        {
            m.Kmap(null, 0x40000 + i);
        }

        Assert.Equal(KmapStatus.Failed, m.Kmap(null, 0x60000, nonblock: true).Status);
        Assert.Equal(Errors.NonblockNotInKernel, Assert.Throws<KernelVmException>(() => Boot().Kmap(null, 0x40000, nonblock: true)).ErrorId);
    }
}

public sealed class KmapAtomic24Tests
{
    [Fact]
    public void Kernel_2_4_22_checks_busy_slots_only_under_HIGHMEM_DEBUG()
    {
        var plain = Machine.Boot(new MachineConfig { MemorySize = 2UL << 30, Kernel = KernelProfile.V2_4_22 });
        var vaddr = plain.KmapAtomic(null, 0, "KM_USER0", 0x40000);
        Assert.False(plain.KunmapAtomic(null, 0, "KM_USER0", vaddr));           // kunmap_atomic does nothing
        Assert.Equal(vaddr, plain.KmapAtomic(null, 0, "KM_USER0", 0x40001));   // overwrites, no BUG
        Assert.Equal(0x40001UL << 12, plain.Translate(vaddr));

        var debug = Machine.Boot(new MachineConfig { MemorySize = 2UL << 30, Kernel = KernelProfile.V2_4_22, Options = KernelConfig.R1 with { DebugHighmem = true } });
        debug.KmapAtomic(null, 0, "KM_USER0", 0x40000);
        Assert.Equal(Errors.KmapAtomicSlotBusy, Assert.Throws<KernelVmException>(() => debug.KmapAtomic(null, 0, "KM_USER0", 0x40001)).ErrorId);
    }
}

public sealed class TaskRegistrationTests
{
    [Fact]
    public void A_failed_call_creates_no_task()
    {
        var m = Machine.Boot(new MachineConfig { MemorySize = 2UL << 30 });
        Assert.Throws<KernelVmException>(() => m.Kunmap("ghost", 0x40000));
        Assert.Throws<KernelVmException>(() => m.Kmap("ghost", 0x90000));
        Assert.Null(m.FindTask("ghost"));
        m.Kmap("real", 0x40000);
        Assert.NotNull(m.FindTask("real"));
    }
}

public sealed class PageAddressPoolTests
{
    [Fact]
    public void Freed_entries_go_back_to_the_pool_tail_and_fixmaps_are_counted()
    {
        var m = Machine.Boot(new MachineConfig { MemorySize = 2UL << 30 });
        var hash = (PageAddressHash)m.Pkmap!.Store;
        Assert.Equal(new[] { 1023, 1022, 1021 }, hash.Pool().Take(3));
        m.Kmap(null, 0x40000);
        m.Kunmap(null, 0x40000);
        m.KmapFlushUnused();                                           // slot 1 at count 1 is freed: entry 1023 returns
        Assert.Equal(1023, hash.Pool().Last());
        Assert.Equal(1022, hash.Pool().First());
        m.SetFixmap(3, 0xFED00000, noCache: false);
        m.ClearFixmap(3);
        Assert.Equal(2, m.FixmapsSet);
    }
}
