using KernelVm.Paging;
using KernelVm.Profiles;

namespace KernelVm.Core.Tests;

/// <summary>
/// The x86-64 kernel page tables as boot leaves them: 2.6.24 from arch/x86/kernel/head_64.S and
/// arch/x86/mm/init_64.c, 6.17 from head_64.S, arch/x86/mm/init.c and init_64.c. Defaults: 4 GiB of RAM,
/// a 4 MiB image at CONFIG_PHYSICAL_START (2 MiB in 2.6.24, 16 MiB in 6.x).
/// </summary>
public sealed class PageTables64Tests
{
    private const ulong GiB = 1UL << 30;
    private const ulong MiB = 1UL << 20;
    private const ulong Nx = 1UL << 63;

    private static Machine Boot(KernelProfile kernel, ulong memory = 4 * GiB, CpuFeature cpu = CpuFeature.All, ulong image = 4 * MiB) =>
        Machine.Boot(new MachineConfig { Architecture = Architecture.X86_64, Kernel = kernel, MemorySize = memory, Cpu = new CpuFeatures(cpu), KernelImageSize = image });

    private static (string, int)[] Indices(IReadOnlyList<WalkStep> walk) => walk.Select(s => (s.Level, s.Index)).ToArray();

    // 2.6.24: PAGE_OFFSET 0xFFFF810000000000 is pgd 258 (0x810000000000 >> 39 = 0x102). init_memory_mapping()
    // finds its tables from 0x8000 (find_early_table_space(), bad_addr()): the PUD page at 0x8000, then one PMD
    // page per GiB; mk_kernel_pgd() and set_pud() use _KERNPG_TABLE (0x063). phys_pmd_init() writes
    // NX|PSE|_KERNPG_TABLE|GLOBAL = 0x1E3 | NX. 0x12345678 >> 21 = 0x91; the page is 0x12200000.
    [Fact]
    public void V2_6_24_direct_map_walk_of_0xFFFF810012345678()
    {
        var m = Boot(KernelProfile.V2_6_24);
        var walk = m.Walk(0xFFFF810012345678);
        Assert.Equal(new[] { ("pgd", 258), ("pud", 0), ("pmd", 0x91) }, Indices(walk));
        Assert.Equal(0x201000UL + 258 * 8, walk[0].EntryPhysical);    // init_level4_pgt follows startup_64's page at _text = 2 MiB
        Assert.Equal(0x8000UL | 0x063, walk[0].Value);
        Assert.Equal(0x9000UL | 0x063, walk[1].Value);
        Assert.Equal(0x12200000UL | 0x1E3 | Nx, walk[2].Value);
        Assert.True(walk[2].IsLeaf);
        Assert.Equal(0x12345678UL, m.Translate(0xFFFF810012345678));
    }

    // find_early_table_space(end = 4 GiB): round_up(4 PUD entries * 8, 4K) + round_up(2048 PMD entries * 8, 4K)
    // = 5 pages, reserved by setup_arch() as table_start .. table_end.
    [Fact]
    public void V2_6_24_direct_map_tables_are_reserved_from_0x8000()
    {
        var m = Boot(KernelProfile.V2_6_24);
        var tables = Assert.Single(m.Reserved, r => r.Owner == "kernel direct mapping tables");
        Assert.Equal((0x8000UL, 0xD000UL), (tables.Start, tables.End));
    }

    // Past 512 GiB, init_memory_mapping() takes a new PUD page per PGD, each followed by its PMD pages. 513 GiB
    // needs 2 + 513 pages, more than fit between 0x8000 and _text, so bad_addr() moves table_start past _end (6 MiB).
    [Fact]
    public void V2_6_24_tables_go_pgd_by_pgd_and_skip_the_image()
    {
        var m = Boot(KernelProfile.V2_6_24, memory: 513 * GiB);
        const ulong Start = 6 * MiB;
        var second = m.Walk(0xFFFF810000000000 + 512 * GiB);
        Assert.Equal(new[] { ("pgd", 259), ("pud", 0), ("pmd", 0) }, Indices(second));
        Assert.Equal((Start + 513 * 4096) | 0x063, second[0].Value);
        Assert.Equal((Start + 514 * 4096) | 0x063, second[1].Value);
        Assert.Equal((Start + 512 * 4096) | 0x063, m.Walk(0xFFFF810000000000 + 511 * GiB)[1].Value);
    }

    // 2.6.24 maps every 2 MiB chunk that starts below end_pfn_map whole, like i386 2.6.24, and asks the CPU
    // nothing: PSE and PGE are required on x86-64, and GBPAGES came in 2.6.26.
    [Fact]
    public void V2_6_24_ignores_PSE_PGE_and_GBPAGES_and_maps_the_last_chunk_whole()
    {
        var m = Boot(KernelProfile.V2_6_24, memory: GiB + MiB, cpu: CpuFeature.NX);
        var walk = m.Walk(0xFFFF810040180000);
        Assert.Equal(0x40000000UL | 0x1E3 | Nx, walk[^1].Value);
        Assert.Equal(0x40180000UL, m.Translate(0xFFFF810040180000));   // past the end of RAM, as the kernel maps it
        Assert.Null(m.Translate(0xFFFF810040200000));
        Assert.DoesNotContain(m.BootLog, l => l.Text.Contains("GB pages"));
    }

    // The kernel text mapping: init_level4_pgt[511] -> level3_kernel_pgt (_PAGE_TABLE), whose entry 510 ->
    // level2_kernel_pgt (_KERNPG_TABLE): KERNEL_TEXT_SIZE / PMD_SIZE = 20 entries of
    // __PAGE_KERNEL_LARGE_EXEC | _PAGE_GLOBAL = 0x1E3 from physical 0, no NX. The head tables lie in
    // head_64.S's order from _text + 4 KiB: level3_kernel_pgt at 0x203000, level2_kernel_pgt at 0x207000.
    [Fact]
    public void V2_6_24_kernel_text_mapping_is_40_MiB_of_2_MiB_pages()
    {
        var m = Boot(KernelProfile.V2_6_24);
        var walk = m.Walk(0xFFFFFFFF80200000);
        Assert.Equal(new[] { ("pgd", 511), ("pud", 510), ("pmd", 1) }, Indices(walk));
        Assert.Equal(0x203000UL | 0x067, walk[0].Value);
        Assert.Equal(0x207000UL | 0x063, walk[1].Value);
        Assert.Equal(0x200000UL | 0x1E3, walk[2].Value);
        Assert.Equal(0x2600000UL | 0x1E3, m.Walk(0xFFFFFFFF82600000)[2].Value);  // pmd 19, the last
        Assert.False(m.Walk(0xFFFFFFFF82800000)[2].Present);                      // pmd 20: the module area
        Assert.Equal(0UL, m.Translate(0xFFFFFFFF80000000));
    }

    // 6.x: PAGE_OFFSET 0xFFFF888000000000 is pgd 273 (0x888000000000 >> 39 = 0x111), pud 0. Without GBPAGES,
    // split_mem_range() gives 2 MiB pages: prot_sethuge(PAGE_KERNEL) = 0x1E3 | NX. The tables come after the
    // image (16 MiB + 4 MiB = 0x1400000), PUD page first; *_populate() uses _PAGE_TABLE (0x067).
    [Fact]
    public void V6_direct_map_walk_of_0xFFFF888012345678_with_2_MiB_pages()
    {
        var m = Boot(KernelProfile.V6, cpu: CpuFeature.PSE | CpuFeature.PGE | CpuFeature.NX);
        var walk = m.Walk(0xFFFF888012345678);
        Assert.Equal(new[] { ("pgd", 273), ("pud", 0), ("pmd", 0x91) }, Indices(walk));
        Assert.Equal(0x1400000UL | 0x067, walk[0].Value);
        Assert.Equal(0x1401000UL | 0x067, walk[1].Value);
        Assert.Equal(0x12200000UL | 0x1E3 | Nx, walk[2].Value);
        Assert.Equal(0x12345678UL, m.Translate(0xFFFF888012345678));
    }

    // With GBPAGES, probe_page_size_mask() prints "Using GB pages for direct mapping", and every GiB inside RAM
    // is one PUD entry: 0x1E3 | NX at physical 0 for pud 0.
    [Fact]
    public void V6_direct_map_uses_1_GiB_pages_with_GBPAGES()
    {
        var m = Boot(KernelProfile.V6);
        var walk = m.Walk(0xFFFF888012345678);
        Assert.Equal(new[] { ("pgd", 273), ("pud", 0) }, Indices(walk));
        Assert.True(walk[1].IsLeaf);
        Assert.Equal(0x1E3UL | Nx, walk[1].Value);
        Assert.Equal(0xC0000000UL | 0x1E3 | Nx, m.Walk(0xFFFF8880C0000000)[1].Value);
        Assert.False(m.Walk(0xFFFF888100000000)[1].Present);                    // pud 4: past 4 GiB
        Assert.Contains(m.BootLog, l => l.Text == "Using GB pages for direct mapping" && l.Level == Physical.PrintkLevel.Info);
    }

    // Without PSE: 4 KiB pages everywhere (direct_gbpages is cleared too). 0x12345678 >> 12 & 511 = 0x145,
    // PAGE_KERNEL = 0x163 | NX.
    [Fact]
    public void V6_without_PSE_walks_all_four_levels()
    {
        var m = Boot(KernelProfile.V6, cpu: CpuFeature.PGE | CpuFeature.NX | CpuFeature.GBPAGES);
        var walk = m.Walk(0xFFFF888012345678);
        Assert.Equal(new[] { ("pgd", 273), ("pud", 0), ("pmd", 0x91), ("pte", 0x145) }, Indices(walk));
        Assert.Equal(0x12345000UL | 0x163 | Nx, walk[3].Value);
        Assert.All(walk.Take(3), s => Assert.Equal(0x067UL, s.Value & 0xFFF));
    }

    // 1 GiB + 1 MiB of RAM: GiB 0 is a 1 GiB page; GiB 1 gets a PMD page whose chunk 512 is the partial tail,
    // mapped with 4 KiB pages up to max_pfn exactly (phys_pte_init()).
    [Fact]
    public void V6_maps_the_tail_with_4_KiB_pages_exactly_to_the_end()
    {
        var m = Boot(KernelProfile.V6, memory: GiB + MiB);
        Assert.Equal(2, m.Walk(0xFFFF88803FFFF000).Count);
        var tail = m.Walk(0xFFFF8880400FF000);
        Assert.Equal(new[] { ("pgd", 273), ("pud", 1), ("pmd", 0), ("pte", 255) }, Indices(tail));
        Assert.Equal(0x400FF000UL | 0x163 | Nx, tail[3].Value);
        Assert.Null(m.Translate(0xFFFF888040100000));
    }

    // 6.x level2_kernel_pgt holds KERNEL_IMAGE_SIZE / PMD_SIZE = 256 entries, and cleanup_highmap() keeps
    // _text (16 MiB, pmd 8) .. roundup(_brk_end, PMD_SIZE) (20 MiB): pmds 8 and 9.
    [Fact]
    public void V6_cleanup_highmap_keeps_only_the_image()
    {
        var m = Boot(KernelProfile.V6);
        Assert.Equal(0x1000000UL | 0x1E3, m.Walk(0xFFFFFFFF81000000)[2].Value);
        Assert.Equal(0x1200000UL | 0x1E3, m.Walk(0xFFFFFFFF81200000)[2].Value);
        Assert.Equal(0UL, m.Walk(0xFFFFFFFF80E00000)[2].Value);                 // pmd 7, below _text
        Assert.Equal(0UL, m.Walk(0xFFFFFFFF81400000)[2].Value);                 // pmd 10, past the image
        Assert.Equal(0x4000000UL, m.Pa(0xFFFFFFFF84000000));                   // __pa() is still the formula
    }

    // 6.x level2_fixmap_pgt: FIXMAP_PMD_NUM = 2 entries ending at FIXMAP_PMD_TOP = 507 point at
    // level1_fixmap_pgt, and early_ioremap_init() points FIX_BTMAP_BEGIN's PMD (1535 pages below
    // FIXADDR_TOP 0xFFFFFFFFFF7FF000: 0xFFFFFFFFFF200000, pmd 505) at bm_pte. The model puts them in the
    // image's last pages: level1_fixmap_pgt at 0x13FD000 and 0x13FE000, bm_pte at 0x13FF000.
    [Fact]
    public void V6_fixmap_tables_cover_pmds_505_to_507()
    {
        var m = Boot(KernelProfile.V6);
        Assert.Equal(0x13FF000UL | 0x067, m.Walk(m.FixToVirt(1535))[2].Value);
        Assert.Equal(0x13FD000UL | 0x067, m.Walk(m.FixToVirt(514))[2].Value);  // FIX_APIC_BASE, pmd 506
        var vsyscall = m.Walk(0xFFFFFFFFFF600000);                             // VSYSCALL_PAGE 511, pmd 507, pte 0
        Assert.Equal(new[] { ("pgd", 511), ("pud", 511), ("pmd", 507), ("pte", 0) }, Indices(vsyscall));
        Assert.Equal(0x13FE000UL | 0x067, vsyscall[2].Value);
        Assert.False(vsyscall[3].Present);                                      // vsyscall=xonly: no PTE backs the page
        Assert.False(m.Walk(0xFFFFFFFFFF800000)[2].Present);                   // pmd 508: "6 MB reserved space + a 2MB hole"
    }

    // set_fixmap_nocache(FIX_APIC_BASE): PAGE_KERNEL_IO_NOCACHE = 0x163 | PCD | PWT | NX = 0x17B | NX, in the
    // PTE of 0xFFFFFFFFFF5FD000 (pmd 506, pte 509), then flush_tlb_one_kernel().
    [Fact]
    public void V6_set_fixmap_nocache_writes_the_fixmap_pte()
    {
        var m = Boot(KernelProfile.V6);
        var slot = m.SetFixmap(514, 0xFEE00000, noCache: true);
        Assert.Equal(0xFEE00000UL | 0x17B | Nx, slot.Pte);
        var walk = m.Walk(0xFFFFFFFFFF5FD000);
        Assert.Equal(("pte", 509), (walk[3].Level, walk[3].Index));
        Assert.Equal(slot.Pte, walk[3].Value);
        Assert.Equal(0xFEE00000UL, m.Translate(0xFFFFFFFFFF5FD000));
        Assert.Equal("flush_tlb_one_kernel", m.Events.Since(0).Last().Detail);
        Assert.Equal(0UL, m.ClearFixmap(514).Pte);
        Assert.Null(m.Translate(0xFFFFFFFFFF5FD000));
    }

    // 2.6.24 head_64.S tables no vsyscall PMD (507-510): set_pte_phys() fills PMD 507 with a page from
    // spp_getpage() (alloc_bootmem_pages(): the first free page from 16 MiB), _KERNPG_TABLE | _PAGE_USER.
    // PAGE_KERNEL = MAKE_GLOBAL(__PAGE_KERNEL) = 0x163 | NX.
    [Fact]
    public void V2_6_24_set_fixmap_on_a_vsyscall_slot_allocates_its_pte_page()
    {
        var m = Boot(KernelProfile.V2_6_24);
        var index = m.FixmapIndex("VSYSCALL_FIRST_PAGE");
        Assert.Equal(2047, index);
        Assert.False(m.Walk(0xFFFFFFFFFF600000)[2].Present);
        Assert.Equal(0UL, m.Fixmap(index).Pte);
        var slot = m.SetFixmap(index, 0x345000, noCache: false);
        Assert.Equal(0x345000UL | 0x163 | Nx, slot.Pte);
        var walk = m.Walk(0xFFFFFFFFFF600000);
        Assert.Equal(0x1000000UL | 0x067, walk[2].Value);
        Assert.Equal(0x1000000UL, walk[3].TablePhysical);
        Assert.Contains(m.Reserved, r => r.Start == 0x1000000 && r.Owner.Contains("spp_getpage"));
        Assert.Contains("spp_getpage", m.Events.Since(0).First(e => e.Kind == Trace.EventKind.SetFixmap).Detail);
        Assert.Equal("__flush_tlb_one", m.Events.Since(0).Last().Detail);
    }

    // 2.6.24: FIX_APIC_BASE is index 2052 (2048 vsyscall pages, VSYSCALL_HPET, FIX_DBGP_BASE,
    // FIX_EARLYCON_MEM_BASE, FIX_HPET_BASE): 0xFFFFFFFFFFDFF000 - 2052 pages = 0xFFFFFFFFFF5FB000, pmd 506 ->
    // level1_fixmap_pgt (0x205000), pte 507. PAGE_KERNEL_NOCACHE adds PCD only: 0x173 | NX.
    [Fact]
    public void V2_6_24_set_fixmap_nocache_uses_level1_fixmap_pgt()
    {
        var m = Boot(KernelProfile.V2_6_24, cpu: CpuFeature.PSE | CpuFeature.PGE);
        var slot = m.SetFixmap(2052, 0xFEE00000, noCache: true);
        Assert.Equal(0xFFFFFFFFFF5FB000UL, slot.VirtualAddress);
        Assert.Equal(0xFEE00000UL | 0x173, slot.Pte);                          // no NX: __supported_pte_mask dropped it
        var walk = m.Walk(slot.VirtualAddress);
        Assert.Equal(0x205000UL | 0x067, walk[2].Value);
        Assert.Equal(("pte", 507), (walk[3].Level, walk[3].Index));
    }

    // 2.6.24's fixmap_64.h has no clear_fixmap(): __set_fixmap(idx, 0, __pgprot(0)) reaches set_pte_phys(), which
    // writes the zero PTE and, since the old one was neither none nor the new value, prints pte_ERROR. 6.x's
    // __set_pte_vaddr() writes without a word.
    [Fact]
    public void Replacing_a_present_pte_is_a_pte_ERROR_in_2_6_24_only()
    {
        var old = Boot(KernelProfile.V2_6_24);
        old.SetFixmap(2052, 0xFEE00000, noCache: true);
        old.SetFixmap(2052, 0xFEE00000, noCache: true);
        Assert.Equal(0UL, old.ClearFixmap(2052).Pte);
        var events = old.Events.Since(0).Where(e => e.Kind is Trace.EventKind.SetFixmap or Trace.EventKind.ClearFixmap).Select(e => e.Detail).ToArray();
        Assert.DoesNotContain("pte_ERROR", events[1]);                          // the same value again: no complaint
        Assert.EndsWith("pte_ERROR: bad pte 0x80000000FEE00173", events[2]);
        var modern = Boot(KernelProfile.V6);
        modern.SetFixmap(514, 0xFEE00000, noCache: true);
        modern.ClearFixmap(514);
        Assert.DoesNotContain(modern.Events.Since(0), e => e.Detail?.Contains("pte_ERROR") == true);
    }

    [Theory]
    [InlineData(0x0000800000000000UL)]
    [InlineData(0xFFFF7FFFFFFFFFFFUL)]
    [InlineData(0x1234567812345678UL)]
    public void Non_canonical_addresses_are_refused(ulong address)
    {
        var m = Boot(KernelProfile.V6);
        Assert.Equal(Errors.AddressNotCanonical, Assert.Throws<KernelVmException>(() => m.Walk(address)).ErrorId);
        Assert.Equal(Errors.AddressNotCanonical, Assert.Throws<KernelVmException>(() => m.Translate(address)).ErrorId);
        Assert.False(m.VirtAddrValid(address));
    }

    [Fact]
    public void Canonical_unmapped_addresses_end_at_an_empty_entry()
    {
        var m = Boot(KernelProfile.V2_6_24);
        var user = Assert.Single(m.Walk(0x00007FFFFFFFF000));
        Assert.Equal(("pgd", 255, 0UL), (user.Level, user.Index, user.Value));
        Assert.Null(m.Translate(0xFFFFC20000000000));                          // VMALLOC_START: nothing vmalloc()ed
    }

    // __pa(), virt_addr_valid() and the walk agree on the direct map, in every version and page size.
    [Theory]
    [InlineData("2.6.24", CpuFeature.All)]
    [InlineData("6.x", CpuFeature.All)]
    [InlineData("6.x", CpuFeature.PSE | CpuFeature.PGE | CpuFeature.NX)]
    [InlineData("6.x", CpuFeature.PGE | CpuFeature.NX)]
    public void The_walk_agrees_with_pa_on_the_direct_map(string version, CpuFeature cpu)
    {
        var m = Boot(KernelProfile.Find(version)!, memory: 3 * GiB + 5 * MiB + 0x3000, cpu: cpu);
        foreach (var pa in new ulong[] { 0, 0x1000, 0x12345678, GiB - 1, GiB, 2 * GiB + 0x200123, 3 * GiB + 5 * MiB + 0x2FFF })
        {
            var va = m.Va(pa);
            Assert.Equal(pa, m.Pa(va));
            Assert.Equal(pa, m.Translate(va));
            Assert.True(m.VirtAddrValid(va));
        }
    }

    // The tables of a 64 TiB direct map are formulas: booting reserves them but builds none of them.
    [Fact]
    public void A_64_TiB_machine_keeps_its_direct_map_as_formulas()
    {
        var m = Boot(KernelProfile.V6, memory: 1UL << 46, cpu: CpuFeature.PGE | CpuFeature.NX);
        var tables = Assert.Single(m.Reserved, r => r.Owner == "kernel direct mapping tables");
        Assert.Equal(128UL + 65536 + (1UL << 25), (tables.End - tables.Start) / 4096);   // PUD, PMD and PTE pages
        var last = m.PageOffset + (1UL << 46) - 4096;
        Assert.Equal((1UL << 46) - 4096, m.Translate(last));
        Assert.Equal(4, m.Walk(last).Count);
    }

    [Theory]
    [InlineData("2.6.24", 32UL << 10)]       // 8 head tables after startup_64's page need 36 KiB
    [InlineData("6.x", 28UL << 10)]          // 8 pages of head tables and bm_pte
    [InlineData("2.6.24", 40UL << 20)]       // from 2 MiB it would end past KERNEL_TEXT_SIZE (40 MiB)
    public void The_image_must_hold_the_head_tables_and_fit_the_text_mapping(string version, ulong image)
    {
        var e = Assert.Throws<KernelVmException>(() => Boot(KernelProfile.Find(version)!, image: image));
        Assert.Equal(Errors.KernelImageSizeInvalid, e.ErrorId);
    }

    // x86-64 PAGE_KERNEL keeps NX where the CPU has it; 6.x drops _PAGE_GLOBAL without PGE, 2.6.24 does not ask.
    [Fact]
    public void PAGE_KERNEL_on_x86_64()
    {
        Assert.Equal(0x163UL | Nx, Boot(KernelProfile.V2_6_24).Prot.PageKernel);
        Assert.Equal(0x163UL, Boot(KernelProfile.V2_6_24, cpu: CpuFeature.PSE).Prot.PageKernel);
        Assert.Equal(0x063UL | Nx, Boot(KernelProfile.V6, cpu: CpuFeature.PSE | CpuFeature.NX).Prot.PageKernel);
        Assert.Equal(0x17BUL | Nx, Boot(KernelProfile.V6).Prot.PageKernelNoCache);
    }

    /// <summary>
    /// virt_addr_valid() on x86-64: __phys_addr() reads the kernel text mapping as x - __START_KERNEL_map,
    /// so text is valid in both versions. 6.x's __virt_addr_valid() refuses text past KERNEL_IMAGE_SIZE
    /// (512 MiB without KASLR) and addresses below PAGE_OFFSET; 2.6.24's subtraction wraps them to pfns beyond RAM.
    /// </summary>
    [Theory]
    [InlineData(0xFFFFFFFF80100000UL, true, true)]        // _text's page: physical 1 MiB
    [InlineData(0xFFFFFFFFA0000000UL, true, false)]       // 512 MiB into the text mapping: 2.6.24's KERNEL_TEXT_SIZE is 40 MiB but it does not check
    [InlineData(0xFFFF810000001000UL, true, false)]       // 2.6.24's direct map (PAGE_OFFSET 0xFFFF810000000000); below 6.x's PAGE_OFFSET
    [InlineData(0xFFFF888000001000UL, false, true)]       // 6.x's direct map; past 2.6.24's RAM
    [InlineData(0x0000000000401000UL, false, false)]      // a user address
    public void VirtAddrValidReadsTheKernelTextMapping(ulong virt, bool valid2_6_24, bool valid6)
    {
        Assert.Equal(valid2_6_24, Boot(KernelProfile.V2_6_24, memory: 4 * GiB, image: 4 * MiB).VirtAddrValid(virt));
        Assert.Equal(valid6, Boot(KernelProfile.V6, memory: 4 * GiB, image: 4 * MiB).VirtAddrValid(virt));
    }
}
