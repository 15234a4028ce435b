using KernelVm.Layout;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm.Core.Tests;

/// <summary>Boot-time sizing against the worked examples of kernel-model.md §1 and §9.</summary>
public sealed class MachineBootTests
{
    private const ulong MiB = 1UL << 20;
    private const ulong GiB = 1UL << 30;

    private static Machine Boot(ulong memory, VmSplit split = VmSplit.VMSPLIT_3G, Architecture arch = Architecture.X86,
        HighMemSupport? highMem = null, KernelProfile? kernel = null) =>
        Machine.Boot(new MachineConfig { MemorySize = memory, VmSplit = split, Architecture = arch, HighMem = highMem, Kernel = kernel ?? KernelProfile.V2_6_24 });

    [Theory]
    [InlineData(VmSplit.VMSPLIT_3G, 0xC0000000UL, 0x38000000UL)]
    [InlineData(VmSplit.VMSPLIT_3G_OPT, 0xB0000000UL, 0x48000000UL)]
    [InlineData(VmSplit.VMSPLIT_2G, 0x80000000UL, 0x78000000UL)]
    [InlineData(VmSplit.VMSPLIT_2G_OPT, 0x78000000UL, 0x80000000UL)]
    [InlineData(VmSplit.VMSPLIT_1G, 0x40000000UL, 0xB8000000UL)]
    public void MaxMem_per_split_and_lowmem_ends_at_0xF8000000(VmSplit split, ulong pageOffset, ulong maxMem)
    {
        var m = Boot(4 * GiB, split);
        Assert.Equal(pageOffset, m.PageOffset);
        Assert.Equal(maxMem, m.MaxMem);
        Assert.Equal(maxMem >> 12, m.MaxLowPfn);
        Assert.Equal(0xF8000000UL, m.HighMemory);
    }

    [Fact]
    public void W1_and_W2_pa_and_va()
    {
        Assert.Equal(0x100000UL, Boot(GiB).Pa(0xC0100000));
        Assert.Equal(0xC0100000UL, Boot(GiB).Va(0x100000));
        Assert.Equal(0xB0100000UL, Boot(GiB, VmSplit.VMSPLIT_3G_OPT).Va(0x100000));
        Assert.Equal(0x80100000UL, Boot(GiB, VmSplit.VMSPLIT_2G).Va(0x100000));
        Assert.Equal(0x78100000UL, Boot(GiB, VmSplit.VMSPLIT_2G_OPT).Va(0x100000));
        Assert.Equal(0x40100000UL, Boot(GiB, VmSplit.VMSPLIT_1G).Va(0x100000));
    }

    [Fact]
    public void W4_two_GiB_on_HIGHMEM4G()
    {
        var m = Boot(2 * GiB);
        Assert.Equal(0x38000UL, m.MaxLowPfn);
        Assert.Equal(0x38000UL, m.HighStartPfn);
        Assert.Equal(0x80000UL, m.HighEndPfn);
        Assert.Equal(0xF8000000UL, m.HighMemory);
        Assert.Equal(new[] { "1152MB HIGHMEM available.", "896MB LOWMEM available." }, m.BootLog.Take(2).Select(l => l.Text));
    }

    [Fact]
    public void W5_512MiB_has_no_highmem()
    {
        var m = Boot(512 * MiB);
        Assert.Equal(0x20000UL, m.MaxLowPfn);
        Assert.Equal(0x20000UL, m.HighStartPfn);
        Assert.Equal(0x20000UL, m.HighEndPfn);
        Assert.Equal(0xE0000000UL, m.HighMemory);
    }

    [Fact]
    public void NOHIGHMEM_uses_only_MAXMEM_and_warns()
    {
        var m = Boot(2 * GiB, highMem: HighMemSupport.None);
        Assert.Equal(0x38000UL, m.MaxPfn);
        Assert.Equal(896 * MiB, m.UsableMemory);
        Assert.Equal(new[] { "Warning only 896MB will be used.", "Use a HIGHMEM enabled kernel." }, m.BootLog.Take(2).Select(l => l.Text));
        Assert.All(m.BootLog.Take(2), l => Assert.Equal(PrintkLevel.Warning, l.Level));
        Assert.DoesNotContain(m.BootLog, l => l.Text.Contains("HIGHMEM available"));

        // 2.6.24 arch/x86/kernel/setup_32.c setup_memory() prints LOWMEM after the #endif of CONFIG_HIGHMEM.
        Assert.Contains(m.BootLog, l => l.Text == "896MB LOWMEM available." && l.Level == PrintkLevel.Notice);
    }

    [Fact]
    public void HIGHMEM4G_trims_RAM_above_4GiB_and_HIGHMEM64G_does_not()
    {
        var m4 = Boot(8 * GiB);
        Assert.Equal(1UL << 20, m4.MaxPfn);
        Assert.Contains(m4.BootLog, l => l.Text == "Warning only 4GB will be used.");
        var m64 = Boot(8 * GiB, arch: Architecture.X86Pae);
        Assert.Equal(HighMemSupport.HighMem64G, m64.HighMem);
        Assert.Equal(2UL << 20, m64.MaxPfn);
        Assert.Equal(0x38000UL, m64.MaxLowPfn);
    }

    // M9: printk without a KERN_ level prints at default_message_loglevel 4: 2.6.24 mm/page_alloc.c
    // free_area_init_nodes() and arch/x86/mm/init_32.c mem_init(), 2.4.22 mm/page_alloc.c
    // free_area_init_core(); 2.6.24's "On node %d totalpages" is KERN_DEBUG; 6.x uses pr_info().
    [Fact]
    public void Lines_printed_without_a_level_are_at_the_default_level()
    {
        BootMessage Line(Machine m, string start) => m.BootLog.First(l => l.Text.StartsWith(start, StringComparison.Ordinal));
        var v26 = Boot(GiB);
        foreach (var start in new[] { "Zone PFN ranges:", "early_node_map[1]", "virtual kernel memory layout:" })
        {
            Assert.Equal((PrintkLevel.Warning, true), (Line(v26, start).Level, Line(v26, start).DefaultLevel));
        }

        Assert.Equal((PrintkLevel.Debug, false), (Line(v26, "On node 0 totalpages").Level, Line(v26, "On node 0 totalpages").DefaultLevel));
        var v24 = Boot(GiB, kernel: KernelProfile.V2_4_22);
        Assert.True(Line(v24, "zone(0)").DefaultLevel && Line(v24, "On node 0 totalpages").DefaultLevel);
        var v6 = Machine.Boot(new MachineConfig { MemorySize = GiB, Kernel = KernelProfile.V6 });
        Assert.Equal((PrintkLevel.Info, false), (Line(v6, "Zone ranges:").Level, Line(v6, "Zone ranges:").DefaultLevel));
        Assert.DoesNotContain(v26.BootLog, l => l.Level == PrintkLevel.Warning && !l.DefaultLevel);
    }

    // M5: 2.4.22 arch/i386/kernel/setup.c asks for "a PAE enabled kernel" where 2.6.24 names HIGHMEM64G.
    [Fact]
    public void The_4GiB_trim_of_2_4_22_asks_for_a_PAE_kernel()
    {
        var m = Machine.Boot(new MachineConfig { MemorySize = 8 * GiB, Kernel = KernelProfile.V2_4_22 });
        Assert.Equal(new[] { "Warning only 4GB will be used.", "Use a PAE enabled kernel." }, m.BootLog.Take(2).Select(l => l.Text));
        Assert.DoesNotContain(m.BootLog, l => l.Text.Contains("HIGHMEM64G"));
    }

    [Theory]
    [InlineData(VmSplit.VMSPLIT_3G_OPT)]
    [InlineData(VmSplit.VMSPLIT_2G_OPT)]
    public void Pae_excludes_the_OPT_splits(VmSplit split)
    {
        var e = Assert.Throws<KernelVmException>(() => Boot(GiB, split, Architecture.X86Pae));
        Assert.Equal(Errors.SplitNotAllowedWithPae, e.ErrorId);
        Assert.Equal(split, e.Target);
    }

    [Fact]
    public void Kernel_2_4_22_has_a_fixed_3G_split()
    {
        Assert.Equal(0xF8000000UL, Boot(GiB, kernel: KernelProfile.V2_4_22).HighMemory);
        var e = Assert.Throws<KernelVmException>(() => Boot(GiB, VmSplit.VMSPLIT_2G, kernel: KernelProfile.V2_4_22));
        Assert.Equal(Errors.SplitNotAvailable, e.ErrorId);
    }

    [Theory]
    [InlineData(Architecture.X86, HighMemSupport.HighMem64G)]
    [InlineData(Architecture.X86Pae, HighMemSupport.HighMem4G)]
    [InlineData(Architecture.X86_64, HighMemSupport.HighMem4G)]
    public void HighMem_choices_follow_Kconfig(Architecture arch, HighMemSupport highMem)
    {
        var e = Assert.Throws<KernelVmException>(() => Boot(GiB, arch: arch, highMem: highMem));
        Assert.Equal(Errors.HighMemNotAllowed, e.ErrorId);
    }

    [Fact]
    public void X86_64_maps_all_RAM_directly_W30()
    {
        var m = Boot(8 * GiB, arch: Architecture.X86_64);
        Assert.Equal(0xFFFF810000100000UL, m.Va(0x100000));
        Assert.Equal(m.MaxPfn, m.MaxLowPfn);
        Assert.Throws<KernelVmException>(() => Boot(GiB, arch: Architecture.X86_64, kernel: KernelProfile.V2_4_22));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(16UL << 20)]
    [InlineData(65UL << 30)]
    public void Memory_sizes_out_of_range_are_refused(ulong size)
    {
        var e = Assert.Throws<KernelVmException>(() => Boot(size));
        Assert.Equal(Errors.MemorySizeInvalid, e.ErrorId);
        Assert.Equal(size, e.Target);
    }

    [Fact]
    public void Pa_and_va_refuse_what_they_do_not_cover()
    {
        var m = Boot(2 * GiB);
        Assert.Equal(Errors.NotInDirectMap, Assert.Throws<KernelVmException>(() => m.Pa(0xBFFFFFFF)).ErrorId);
        Assert.Equal(Errors.NotInDirectMap, Assert.Throws<KernelVmException>(() => m.Pa(0xF8000000)).ErrorId);
        Assert.Equal(0x37FFFFFFUL, m.Pa(0xF7FFFFFF));
        Assert.Equal(Errors.HighmemHasNoPermanentMapping, Assert.Throws<KernelVmException>(() => m.Va(0x38000000)).ErrorId);
        Assert.Equal(Errors.PhysicalAddressBeyondRam, Assert.Throws<KernelVmException>(() => m.Va(0x80000000)).ErrorId);
    }

    [Fact]
    public void Error_ids_are_unique()
    {
        var ids = typeof(Errors).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(typeof(Errors).GetFields().Where(f => f.IsLiteral), f => Assert.Equal(f.Name, f.GetRawConstantValue()));
    }

    // M8: 2.6.24 arch/x86/mm/init_32.c mem_init() prints __init_begin..__init_end, _etext.._edata and
    // _text.._etext after lowmem. Without given sections the model uses Ubuntu 8.04's 2.6.24-19-generic
    // kernel, so a 1280 MB 3G/1G machine prints lines 46-48 of ../shared/real-dmesg/01-hardy-2.6.24-19-generic-1280MB.txt.
    [Fact]
    public void Mem_init_prints_the_image_sections_after_lowmem()
    {
        var lines = Boot(1280UL << 20).BootLog.Select(l => l.Text).SkipWhile(t => t != "virtual kernel memory layout:").Skip(4).Take(4).ToArray();
        Assert.Equal(new[]
        {
            "    lowmem  : 0xc0000000 - 0xf8000000   ( 896 MB)",
            "      .init : 0xc0421000 - 0xc047d000   ( 368 kB)",
            "      .data : 0xc03204c4 - 0xc041bdc4   (1006 kB)",
            "      .text : 0xc0100000 - 0xc03204c4   (2177 kB)",
        }, lines);
    }

    // _text is PAGE_OFFSET + 1 MiB (LOAD_PHYSICAL_ADDR): on 2G/2G the same sections sit at 0x80100000.
    // Given sections are printed as given; an image of 1 MiB gets the default ones in proportion.
    [Fact]
    public void The_sections_move_with_PAGE_OFFSET_and_can_be_given()
    {
        string Text(Machine m) => m.BootLog.Last(l => l.Text.StartsWith("      .text", StringComparison.Ordinal)).Text;
        var split = Machine.Boot(new MachineConfig { MemorySize = GiB, VmSplit = VmSplit.VMSPLIT_2G });
        Assert.Equal("      .text : 0x80100000 - 0x803204c4   (2177 kB)", Text(split));
        var given = Machine.Boot(new MachineConfig
        {
            MemorySize = GiB,
            KernelSections = new KernelSections { Etext = 0x234A89, Edata = 0x337FE4, InitBegin = 0x33E000, InitEnd = 0x39E000 },
        });
        Assert.Equal("      .text : 0xc0100000 - 0xc0334a89   (2258 kB)", Text(given));
        var small = Machine.Boot(new MachineConfig { MemorySize = GiB, KernelImageSize = 1UL << 20 });
        Assert.Equal((0x100000UL, 0x2204C4UL * 0x100000 / 0x37D000), (small.Sections.InitEnd, small.Sections.Etext));
        Assert.Equal(0UL, small.Sections.InitBegin % 4096);
    }

    [Fact]
    public void Sections_out_of_link_order_are_refused()
    {
        var e = Assert.Throws<KernelVmException>(() => Machine.Boot(new MachineConfig
        {
            KernelSections = new KernelSections { Etext = 0x2000, Edata = 0x1000, InitBegin = 0x3000, InitEnd = 0x4000 },
        }));
        Assert.Equal(Errors.KernelSectionsInvalid, e.ErrorId);
    }
}

public sealed class MachineExamplesTests
{
    [Theory]
    [InlineData(Layout.VmSplit.VMSPLIT_3G, Architecture.X86, 768)]
    [InlineData(Layout.VmSplit.VMSPLIT_2G, Architecture.X86, 512)]
    [InlineData(Layout.VmSplit.VMSPLIT_1G, Architecture.X86, 256)]
    [InlineData(Layout.VmSplit.VMSPLIT_3G, Architecture.X86Pae, 3)]
    [InlineData(Layout.VmSplit.VMSPLIT_2G, Architecture.X86Pae, 2)]
    [InlineData(Layout.VmSplit.VMSPLIT_1G, Architecture.X86Pae, 1)]
    public void W29_user_ptrs_per_pgd(Layout.VmSplit split, Architecture arch, int expected) =>
        Assert.Equal(expected, Machine.Boot(new MachineConfig { VmSplit = split, Architecture = arch }).UserPtrsPerPgd);

    [Fact]
    public void W31_x86_64_pa_of_kernel_text()
    {
        var m = Machine.Boot(new MachineConfig { Architecture = Architecture.X86_64 });
        Assert.Equal(0x200000UL, m.Pa(0xFFFFFFFF80200000));
        Assert.Equal(0x100000UL, m.Pa(0xFFFF810000100000));
        Assert.Equal(0x200000UL, m.Translate(0xFFFFFFFF80200000));
    }

}
