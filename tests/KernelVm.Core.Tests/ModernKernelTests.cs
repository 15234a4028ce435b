using KernelVm.Highmem;
using KernelVm.Layout;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm.Core.Tests;

/// <summary>The 6.x profile against what kernel-model.md gives for modern kernels.</summary>
public sealed class ModernKernelTests
{
    private const ulong GiB = 1UL << 30;

    private static Machine Boot(Architecture arch = Architecture.X86, ulong memory = 2 * GiB, HighMemSupport? highMem = null, BootOptions? boot = null) =>
        Machine.Boot(new MachineConfig { Kernel = KernelProfile.V6, Architecture = arch, MemorySize = memory, HighMem = highMem, Boot = boot ?? new() });

    // M2: 6.17 arch/x86/mm/init_32.c is_x86_32_kernel_text() tests addr >= _text (the image at
    // CONFIG_PHYSICAL_START, 16 MiB), not >= PAGE_OFFSET: with PAE and NX the large pages below the image get NX.
    [Fact]
    public void Large_pages_below_the_image_get_NX()
    {
        var m = Machine.Boot(new MachineConfig { Kernel = KernelProfile.V6, Architecture = Architecture.X86Pae, MemorySize = 2 * GiB, Cpu = new CpuFeatures(CpuFeature.All) });
        const ulong Nx = 1UL << 63;
        foreach (var pmd in new ulong[] { 0, 2, 7 })
        {
            var entry = m.PageTables!.Walk(0xC0000000 + (pmd << 21))[1].Value;
            Assert.True((entry & Nx) != 0, "pmd " + pmd + " is below _text: " + entry.ToString("X"));
        }

        var text = m.PageTables!.Walk(0xC0000000 + 0x1000000)[1].Value;
        Assert.Equal(0x1000000UL | 0x1E3, text);   // PAGE_KERNEL_LARGE_EXEC, no NX: the chunk holds _text
    }

    // M10: 6.17 arch/x86/mm/init_32.c initmem_init() -> setup_bootmem_allocator() prints, after LOWMEM,
    // KERN_INFO "  mapped low ram: 0 - %08lx" (max_pfn_mapped) and "  low ram: 0 - %08lx" (max_low_pfn).
    [Fact]
    public void Initmem_init_prints_the_low_ram_lines()
    {
        var m = Boot();
        var texts = m.BootLog.Select(l => l.Text).ToList();
        var lowmem = texts.FindIndex(t => t.EndsWith("MB LOWMEM available.", System.StringComparison.Ordinal));
        Assert.Equal("  mapped low ram: 0 - 373fe000", texts[lowmem + 1]);
        Assert.Equal("  low ram: 0 - 373fe000", texts[lowmem + 2]);
        Assert.Equal(PrintkLevel.Info, m.BootLog[lowmem + 1].Level);
        Assert.DoesNotContain(Machine.Boot(new MachineConfig()).BootLog, l => l.Text.Contains("low ram"));
    }

    // M3: 6.17 arch/x86/include/asm/pgtable_32_areas.h MAXMEM = VMALLOC_END - PAGE_OFFSET - __VMALLOC_RESERVE:
    // the split table gives what a booted R1 machine computes, for every split it allows.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_split_table_of_6_x_derives_MAXMEM_from_VMALLOC_END(bool pae)
    {
        foreach (VmSplit split in System.Enum.GetValues(typeof(VmSplit)))
        {
            var row = SplitTable.Row(split, KernelProfile.V6, pae);
            if (!row.Allowed)
            {
                continue;
            }

            var m = Machine.Boot(new MachineConfig { Kernel = KernelProfile.V6, VmSplit = split, Architecture = pae ? Architecture.X86Pae : Architecture.X86 });
            Assert.Equal(m.MaxMem, row.MaxMem);
        }

        Assert.Equal(0x373FE000UL, SplitTable.Row(VmSplit.VMSPLIT_3G, KernelProfile.V6, false).MaxMem);
        Assert.Equal(0x38000000UL, SplitTable.Row(VmSplit.VMSPLIT_3G, KernelProfile.V2_6_24, false).MaxMem);
    }

    // M11-M13: x86-64 USER_PTRS_PER_PGD = (TASK_SIZE - 1) / PGDIR_SIZE + 1 (pgtable_64.h); 6.17 MAXMEM =
    // 1UL << MAX_PHYSMEM_BITS and MODULES_END = 0xFFFFFFFFFF000000 (arch/x86/include/asm/pgtable_64_types.h,
    // page_64_types.h); 2.6.24 MAXMEM = 0x3FFFFFFFFFFF (include/asm-x86/pgtable_64.h).
    [Fact]
    public void X86_64_user_pgd_entries_maxmem_and_modules_end()
    {
        var modern = Boot(Architecture.X86_64);
        var old = Machine.Boot(new MachineConfig { Kernel = KernelProfile.V2_6_24, Architecture = Architecture.X86_64 });
        Assert.Equal(256, modern.UserPtrsPerPgd);
        Assert.Equal(256, old.UserPtrsPerPgd);
        Assert.Equal(0x400000000000UL, modern.MaxMem);
        Assert.Equal(0x3FFFFFFFFFFFUL, old.MaxMem);
        var modules = modern.Layout.Regions.Single(r => r.Kind == RegionKind.Modules);
        Assert.Equal(0xFFFFFFFFA0000000UL, modules.Start);
        Assert.Equal(0xFFFFFFFFFEFFFFFFUL, modules.Last);
    }

    [Fact]
    public void Section_2_3_illustration_non_PAE()
    {
        var m = Boot();
        Assert.Equal(532, m.Fixmaps.EndOfFixed);
        Assert.Equal(0xFFC00000UL, m.Layout.CpuEntryAreaBase);
        Assert.Equal(0xFF800000UL, m.Layout.LdtBase);
        Assert.Equal(0xFF400000UL, m.Layout.PkmapBase);
        Assert.Equal(0xFF3FE000UL, m.Layout.VmallocEnd);
        Assert.Equal(0x373FE000UL, m.MaxMem);
        Assert.Equal(0xF73FE000UL, m.HighMemory);
        Assert.Equal(0xF7BFE000UL, m.Layout.VmallocStart);                  // high_memory + 8 MiB, no rounding
        Assert.Equal(RegionKind.Ldt, m.Layout.RegionOf(0xFF900000).Kind);
        Assert.Equal(RegionKind.CpuEntryArea, m.Layout.RegionOf(0xFFC00000).Kind);
    }

    [Fact]
    public void Section_2_3_illustration_PAE_with_the_btmap_alignment()
    {
        var m = Boot(Architecture.X86Pae);
        Assert.Equal(1025, m.Fixmaps.EndOfFixed);
        Assert.Equal(512, m.Fixmaps.IndexOf("FIX_BTMAP_END"));
        Assert.Equal(0xFFBFE000UL, m.Layout.FixaddrBootStart);
        Assert.Equal(0xFFA00000UL, m.Layout.CpuEntryAreaBase);
        Assert.Equal(0xFF800000UL, m.Layout.LdtBase);
        Assert.Equal(0xFF600000UL, m.Layout.PkmapBase);
        Assert.Equal(0xFF5FE000UL, m.Layout.VmallocEnd);
        Assert.Equal(0x375FE000UL, m.MaxMem);
        Assert.Equal(0xF75FE000UL, m.HighMemory);
    }

    [Fact]
    public void W6_modern_vmalloc_start_is_high_memory_plus_8MiB()
    {
        var m = Boot(memory: 500UL << 20);
        Assert.Equal(0xDF400000UL, m.HighMemory);
        Assert.Equal(0xDFC00000UL, m.Layout.VmallocStart);
    }

    [Fact]
    public void W21_modern_virt_addr_valid_rejects_vmalloc_and_user_addresses()
    {
        var m = Boot();
        Assert.False(m.VirtAddrValid(0xF8800000));
        Assert.False(m.VirtAddrValid(0x08048000));
        Assert.True(m.VirtAddrValid(0xC0100000));
        Assert.False(m.VirtAddrValid(m.Layout.FixaddrStart));
    }

    [Fact]
    public void W30_W32_x86_64()
    {
        var m = Boot(Architecture.X86_64, 8 * GiB);
        Assert.Equal(0xFFFF888000100000UL, m.Va(0x100000));
        Assert.Equal(0xFFFFFFFFFF7FF000UL, m.Layout.FixaddrTop);
        Assert.Equal(511, m.Fixmaps.IndexOf("VSYSCALL_PAGE"));
        Assert.Equal(0xFFFFFFFFFF600000UL, m.FixToVirt(511));
        Assert.Equal(514, m.Fixmaps.IndexOf("FIX_APIC_BASE"));
        Assert.Equal(1024, m.Fixmaps.IndexOf("FIX_BTMAP_END"));
        Assert.Equal(1535, m.Fixmaps.IndexOf("FIX_BTMAP_BEGIN"));
        Assert.Equal(0xFFFFEA0000000000UL + 0x100UL * 64, m.Memory.PfnToPage(0x100));
        Assert.Equal(RegionKind.Vmalloc, m.Layout.RegionOf(0xFFFFC90000000000).Kind);
        Assert.Equal("LDT remap", m.Layout.RegionOf(0xFFFF880000000000).Name);
        Assert.Equal("guard hole", m.Layout.RegionOf(0xFFFF800000000000).Name);
    }

    [Fact]
    public void HIGHMEM64G_is_gone_and_RAM_above_4GiB_is_trimmed_with_the_new_message()
    {
        Assert.Equal(Errors.HighMemNotAllowed, Assert.Throws<KernelVmException>(() => Boot(Architecture.X86Pae, highMem: HighMemSupport.HighMem64G)).ErrorId);
        var m = Boot(Architecture.X86Pae, 8 * GiB);
        Assert.Equal(HighMemSupport.HighMem4G, m.HighMem);
        Assert.Equal(1UL << 20, m.MaxPfn);
        Assert.Contains(m.BootLog, l => l.Text == "Warning: only 4GB will be used. Support for CONFIG_HIGHMEM64G was removed!");
    }

    [Fact]
    public void Zone_messages_use_the_mem_form_and_no_memmap_lines()
    {
        var log = Boot().BootLog.Select(l => l.Text).ToList();
        Assert.Contains("Zone ranges:", log);
        Assert.Contains("  DMA      [mem 0x0000000000000000-0x0000000000ffffff]", log);
        Assert.Contains("  node   0: [mem 0x0000000000000000-0x000000007fffffff]", log);
        Assert.Contains("Initmem setup node 0 [mem 0x0000000000000000-0x000000007fffffff]", log);
        Assert.DoesNotContain(log, l => l.Contains("pages used for memmap"));
        Assert.DoesNotContain(log, l => l.StartsWith("virtual kernel memory layout"));
    }

    [Fact]
    public void Memblock_places_mem_map_top_down_and_the_kernel_at_16MiB()
    {
        var m = Boot();
        var node = m.Memory.Nodes[0];
        Assert.Equal((m.MaxLowPfn << 12) - node.MemMapBytes, node.MemMapPhysical);
        Assert.Contains("PG_reserved", m.Memory.GetPage(0x1000).FlagNames);       // the kernel image at 16 MiB
        Assert.Equal(1UL << 13 | 1UL << 30, m.Memory.GetPage(0x1000).Flags);      // PG_reserved is bit 13 in 6.x
    }

    [Fact]
    public void Nocache_is_PCD_and_PWT_and_the_hash_uses_GOLDEN_RATIO_32()
    {
        var m = Boot(Architecture.X86Pae);
        Assert.Equal(0x17BUL | 1UL << 63, m.Prot.PageKernelNoCache);
        m.Kmap(null, 0x40000);
        var page = m.Memory.PfnToPage(0x40000);
        Assert.Equal((int)((uint)(page * 0x61C88647UL) >> 25), m.PageAddressBucket(0x40000));
        var entry = Assert.Single(((PageAddressHash)m.Pkmap!.Store).Entries());
        Assert.Equal(1, entry.Entry);                                            // page_address_maps[PKMAP_NR], no pool
    }

    [Fact]
    public void Flush_is_skipped_when_nothing_was_cleared()
    {
        var m = Boot();
        for (ulong i = 0; i < 1023; i++)
        {
            m.Kmap(null, 0x40000 + i);
        }

        m.Access(null, 0, 0xFF401000);
        var o = m.Kmap(null, 0x50000);                                            // wraps; every slot is in use: nothing cleared
        Assert.True(o.Wrapped);
        Assert.Equal(0, o.Slot);
        Assert.Single(m.Tlb.Entries(0));
    }

    // 6.x has no km_type: kmap_atomic(page) wraps kmap_local (KmapLocalTests has the mechanism).
    [Fact]
    public void Kmap_atomic_takes_no_km_type()
    {
        var e = Assert.Throws<KernelVmException>(() => Boot().KmapAtomic(null, 0, "KM_USER0", 0x40000));
        Assert.Equal((Errors.KmTypeNotInKernel, (object)"KM_USER0"), (e.ErrorId, e.Target));
    }

    [Fact]
    public void Modern_vmalloc_option_adds_8MiB_and_reservetop_rounds_to_a_PMD()
    {
        var m = Boot(boot: new BootOptions { Vmalloc = 256UL << 20 });
        Assert.Equal((256UL + 8) << 20, m.VmallocReserve);
        var r = Boot(boot: new BootOptions { ReserveTop = 0x1000 });
        Assert.Equal(0xFFBFF000UL, r.Layout.FixaddrTop);                          // round_down(-4 KiB, 4 MiB) - 4 KiB
        Assert.Equal(128UL << 20, r.VmallocReserve);
    }
}
