using KernelVm.Paging;
using KernelVm.Profiles;

namespace KernelVm.Core.Tests;

/// <summary>The kernel page tables pagetable_init() builds (kernel-model.md §7).</summary>
public sealed class PageTableTests
{
    private const ulong GiB = 1UL << 30;

    private static Machine Boot(Architecture arch = Architecture.X86, bool pse = true, bool pge = true, ulong memory = GiB, KernelProfile? kernel = null) =>
        Machine.Boot(new MachineConfig { Architecture = arch, MemorySize = memory, Cpu = new CpuFeatures(CpuFeature.NX | (pse ? CpuFeature.PSE : 0) | (pge ? CpuFeature.PGE : 0)), Kernel = kernel ?? KernelProfile.V2_6_24 });

    [Fact]
    public void W23_indices_of_kernel_text_without_PAE()
    {
        var walk = Boot(pse: false).PageTables!.Walk(0xC0100000);
        Assert.Equal(new[] { ("pgd", 768), ("pte", 256) }, walk.Select(s => (s.Level, s.Index)));
        Assert.Equal(PteValues.PageTable, walk[0].Value & 0xFFF);
        Assert.Equal(0x00100000UL | 0x163, walk[1].Value);           // PAGE_KERNEL_EXEC with PGE: kernel text
    }

    [Fact]
    public void W23_indices_of_kernel_text_with_PAE()
    {
        var m = Boot(Architecture.X86Pae, pse: false);
        var walk = m.PageTables!.Walk(0xC0100000);
        Assert.Equal(new[] { ("pgd", 3), ("pmd", 0), ("pte", 256) }, walk.Select(s => (s.Level, s.Index)));
        Assert.Equal(1UL, walk[0].Value & 0xFFF);                      // PGD entries hold only _PAGE_PRESENT under PAE
        Assert.Equal(0x100000UL, m.PageTables.Translate(0xC0100ABC) & ~0xFFFUL);
        var data = m.PageTables.Walk(0xF0000000);
        Assert.Equal(0x163UL | 1UL << 63, data[^1].Value & ~PteValues.FrameMask);   // PAGE_KERNEL with NX
    }

    [Fact]
    public void With_PSE_the_direct_map_uses_large_pages()
    {
        var m = Boot();
        var walk = m.PageTables!.Walk(0xC0500000);
        var step = Assert.Single(walk);
        Assert.True(step.IsLeaf);
        Assert.Equal(0x00400000UL | 0x1E3, step.Value);               // PAGE_KERNEL_LARGE_EXEC: the chunk starts in kernel text
        Assert.Equal(0x00400000UL | 0x1E3, m.PageTables.Walk(0xC0400000)[0].Value);
        Assert.Equal(0x30000000UL | 0x1E3, m.PageTables.Walk(0xF0000000)[0].Value); // no NX without PAE: same bits
        Assert.Equal(0x00512345UL, m.PageTables.Translate(0xC0512345));
        Assert.Equal(0x37FFFFFFUL, m.PageTables.Translate(0xF7FFFFFF));
    }

    [Fact]
    public void Without_PGE_nothing_is_global()
    {
        var walk = Boot(pse: false, pge: false).PageTables!.Walk(0xC8000000);
        Assert.Equal(0x08000000UL | 0x063, walk[^1].Value);
    }

    [Fact]
    public void User_addresses_are_not_mapped_in_swapper_pg_dir()
    {
        var m = Boot();
        Assert.Null(m.PageTables!.Translate(0x08048000));
        var pae = Boot(Architecture.X86Pae);
        var walk = pae.PageTables!.Walk(0x08048000);
        Assert.Equal(2, walk.Count);                                   // PGD -> empty_zero_page, then an empty PMD entry
        Assert.True(walk[0].Present);
        Assert.False(walk[1].Present);
    }

    [Fact]
    public void Pkmap_and_fixmap_have_empty_pte_pages()
    {
        var m = Boot(memory: 2 * GiB);
        var walk = m.PageTables!.Walk(0xFF800000);
        Assert.Equal(2, walk.Count);
        Assert.True(walk[0].Present);
        Assert.False(walk[1].Present);
        Assert.Equal(2, m.PageTables.Walk(0xFFFFC000).Count);          // fixmap index 3 has its table
        Assert.Null(m.PageTables.Translate(0xFFFFC000));
    }

    [Fact]
    public void Page_tables_come_from_low_bootmem_and_are_reserved()
    {
        var m = Boot(pse: false);
        var firstPte = m.PageTables!.Walk(0xC0000000)[0].Frame;
        Assert.Equal(0x1000UL, firstPte);                              // page 0 is reserved; bootmem low allocations start above it
        Assert.Contains("PG_reserved", m.Memory.GetPage(1).FlagNames);
        Assert.Equal(0x101000UL, Boot(kernel: KernelProfile.V2_4_22).PageTables!.Root);
        Assert.Equal(0x063UL, Boot(pse: false, kernel: KernelProfile.V2_4_22).PageTables!.Walk(0xC0000000)[0].Value & 0xFFF);
    }

    // 2.6.24 arch/x86/mm/init_32.c is_kernel_text(): PAGE_OFFSET <= addr <= __init_end. With the default
    // sections __init_end is 0xC047D000: that page is still text, the next one gets PAGE_KERNEL with NX.
    [Fact]
    public void Kernel_text_ends_at___init_end()
    {
        var m = Boot(Architecture.X86Pae, pse: false);
        Assert.Equal(0x163UL, m.PageTables!.Walk(0xC047D000)[^1].Value & ~PteValues.FrameMask);
        Assert.Equal(0x163UL | 1UL << 63, m.PageTables.Walk(0xC047E000)[^1].Value & ~PteValues.FrameMask);
    }
}
