using KernelVm.Layout;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm.Core.Tests;

/// <summary>The virtual layout against kernel-model.md §2.3 (R1, R2) and the worked examples.</summary>
public sealed class LayoutTests
{
    private const ulong GiB = 1UL << 30;

    private static Machine Boot(KernelConfig options, Architecture arch = Architecture.X86, ulong memory = GiB, KernelProfile? kernel = null,
        BootOptions? boot = null, HighMemSupport? highMem = null) =>
        Machine.Boot(new MachineConfig { Options = options, Architecture = arch, MemorySize = memory, Kernel = kernel ?? KernelProfile.V2_6_24, Boot = boot ?? new(), HighMem = highMem });

    [Theory]
    [InlineData("R1", Architecture.X86, 17, 34, 0xFFFEE000UL, 0xFFFDD000UL, 0xFF800000UL, 0xFF7FE000UL)]
    [InlineData("R1", Architecture.X86Pae, 17, 34, 0xFFFEE000UL, 0xFFFDD000UL, 0xFFC00000UL, 0xFFBFE000UL)]
    [InlineData("R2", Architecture.X86, 178, 195, 0xFFF4D000UL, 0xFFF3C000UL, 0xFF800000UL, 0xFF7FE000UL)]
    [InlineData("R2", Architecture.X86Pae, 178, 195, 0xFFF4D000UL, 0xFFF3C000UL, 0xFFC00000UL, 0xFFBFE000UL)]
    public void Reference_configs_match_section_2_3(string preset, Architecture arch, int endPerm, int endFixed,
        ulong fixaddrStart, ulong fixaddrBootStart, ulong pkmapBase, ulong vmallocEnd)
    {
        var m = Boot(KernelConfig.Presets[preset], arch);
        Assert.Equal(endPerm, m.Fixmaps.EndOfPermanent);
        Assert.Equal(endFixed, m.Fixmaps.EndOfFixed);
        var l = m.Layout;
        Assert.Equal(0xFFFFF000UL, l.FixaddrTop);
        Assert.Equal(fixaddrStart, l.FixaddrStart);
        Assert.Equal(fixaddrBootStart, l.FixaddrBootStart);
        Assert.Equal(pkmapBase, l.PkmapBase);
        Assert.Equal(vmallocEnd, l.VmallocEnd);
        Assert.Equal(0xF8800000UL, l.VmallocStart);
        Assert.Equal(arch == Architecture.X86Pae ? 512 : 1024, l.LastPkmap);
    }

    [Fact]
    public void R2_fixmap_indices_are_those_of_the_spec()
    {
        var f = Boot(KernelConfig.R2).Fixmaps;
        Assert.Equal(4, f.IndexOf("FIX_APIC_BASE"));
        Assert.Equal(5, f.IndexOf("FIX_IO_APIC_BASE_0"));
        Assert.Equal(68, f.IndexOf("FIX_IO_APIC_BASE_END"));
        Assert.Equal(69, f.IndexOf("FIX_KMAP_BEGIN"));
        Assert.Equal(172, f.IndexOf("FIX_KMAP_END"));
        Assert.Equal(173, f.IndexOf("FIX_ACPI_BEGIN"));
        Assert.Equal(177, f.IndexOf("FIX_PCIE_MCFG"));
        Assert.Equal(178, f.IndexOf("FIX_BTMAP_END"));
        Assert.Equal(193, f.IndexOf("FIX_BTMAP_BEGIN"));
        Assert.Equal(194, f.IndexOf("FIX_WP_TEST"));
        Assert.Equal(74, f.IndexOf("FIX_KMAP_BEGIN+5"));
        Assert.Equal("FIX_KMAP_BEGIN+5", f.RangeOf(74)!.NameOf(74));
        Assert.Null(f.RangeOf(195));
    }

    // M1: 2.4.22 has no CONFIG_NR_CPUS; include/linux/threads.h sets NR_CPUS 32 under CONFIG_SMP,
    // so R2 has KM_TYPE_NR x 32 kmap slots (include/asm-i386/fixmap.h of 2.4.22).
    [Fact]
    public void An_SMP_2_4_22_kernel_has_32_cpus_of_kmap_slots()
    {
        var m = Boot(KernelConfig.R2, kernel: KernelProfile.V2_4_22);
        Assert.Equal(32, m.Options.NrCpus);
        Assert.Contains("include/linux/threads.h", m.ConfigNote);
        var f = m.Fixmaps;
        Assert.Equal(9, f.IndexOf("FIX_KMAP_BEGIN"));
        Assert.Equal(264, f.IndexOf("FIX_KMAP_END"));
        Assert.Equal(265, f.IndexOf("FIX_ACPI_BEGIN"));
        Assert.Equal(268, f.IndexOf("FIX_ACPI_END"));
        Assert.Equal(269, f.EndOfPermanent);
        Assert.Equal(269, f.IndexOf("FIX_BTMAP_END"));
        Assert.Equal(284, f.IndexOf("FIX_BTMAP_BEGIN"));
        Assert.Equal(285, f.EndOfFixed);
        Assert.Equal(0xFFEF1000UL, m.Layout.FixaddrStart);
        Assert.Equal(32, Boot(KernelConfig.R1 with { NrCpus = 4 }, kernel: KernelProfile.V2_4_22).Options.NrCpus);
        Assert.Equal(1, Boot(KernelConfig.R1, kernel: KernelProfile.V2_4_22).Options.NrCpus);
    }

    // M6, M7: 2.4.22 include/asm-i386/fixmap.h names the F00F slot FIX_F00F; FIX_CYCLONE_TIMER needs
    // X86_SUMMIT, which sets X86_CLUSTERED_APIC and so MAX_IO_APICS 32 (include/asm-i386/apicdef.h).
    [Fact]
    public void The_2_4_22_fixmap_enum_spells_its_own_names_and_sizes()
    {
        var f00f = Boot(KernelConfig.R1.With("X86_F00F_BUG"), kernel: KernelProfile.V2_4_22).Fixmaps;
        Assert.True(f00f.IndexOf("FIX_F00F") >= 0);
        Assert.Equal(-1, f00f.IndexOf("FIX_F00F_IDT"));
        Assert.True(Boot(KernelConfig.R1.With("X86_F00F_BUG")).Fixmaps.IndexOf("FIX_F00F_IDT") >= 0);
        var summit = Boot(KernelConfig.R2.With("X86_CYCLONE_TIMER"), kernel: KernelProfile.V2_4_22).Fixmaps;
        Assert.Equal(32, summit.IndexOf("FIX_IO_APIC_BASE_END") - summit.IndexOf("FIX_IO_APIC_BASE_0") + 1);
        var plain = Boot(KernelConfig.R2, kernel: KernelProfile.V2_4_22).Fixmaps;
        Assert.Equal(8, plain.IndexOf("FIX_IO_APIC_BASE_END") - plain.IndexOf("FIX_IO_APIC_BASE_0") + 1);
    }

    // M4: X86_LOCAL_APIC and X86_IO_APIC have no prompt and default to y on SMP (2.6.24 arch/x86/Kconfig).
    [Fact]
    public void An_SMP_kernel_always_has_the_APIC_slots()
    {
        var m = Boot(KernelConfig.R1 with { NrCpus = 2 });
        Assert.True(m.Options.X86LocalApic && m.Options.X86IoApic);
        Assert.Null(m.ConfigNote);
        Assert.Equal(4, m.Fixmaps.IndexOf("FIX_APIC_BASE"));
        Assert.Equal(69, m.Fixmaps.IndexOf("FIX_KMAP_BEGIN"));
        Assert.Equal(-1, Boot(KernelConfig.R1).Fixmaps.IndexOf("FIX_APIC_BASE"));

        // X86_IO_APIC also needs !X86_VISWS: an SMP Visual Workstation has the Cobalt APIC slots instead.
        var visws = Boot(KernelConfig.R1.With("X86_VISWS_APIC") with { NrCpus = 2 }).Fixmaps;
        Assert.Equal(-1, visws.IndexOf("FIX_IO_APIC_BASE_0"));
        Assert.True(visws.IndexOf("FIX_CO_APIC") >= 0);
    }

    [Fact]
    public void R1_full_map_reads_like_the_spec_table()
    {
        var regions = Boot(KernelConfig.R1).Layout.Regions.Select(r => (r.Kind, r.Start, r.Last)).ToList();
        Assert.Equal(new[]
        {
            (RegionKind.User, 0x00000000UL, 0xBFFFFFFFUL),
            (RegionKind.DirectMap, 0xC0000000UL, 0xF7FFFFFFUL),
            (RegionKind.VmallocGap, 0xF8000000UL, 0xF87FFFFFUL),
            (RegionKind.Vmalloc, 0xF8800000UL, 0xFF7FDFFFUL),
            (RegionKind.GuardPages, 0xFF7FE000UL, 0xFF7FFFFFUL),
            (RegionKind.Pkmap, 0xFF800000UL, 0xFFBFFFFFUL),
            (RegionKind.Unused, 0xFFC00000UL, 0xFFFDDFFFUL),
            (RegionKind.FixmapBootTime, 0xFFFDE000UL, 0xFFFEEFFFUL),
            (RegionKind.FixmapPermanent, 0xFFFEF000UL, 0xFFFFEFFFUL),
            (RegionKind.FixmapHole, 0xFFFFF000UL, 0xFFFFFFFFUL),
        }, regions);
    }

    [Fact]
    public void W5_and_W6_vmalloc_start_rounds_up_to_8MiB_past_an_8MiB_gap()
    {
        Assert.Equal(0xE0800000UL, Boot(KernelConfig.R1, memory: 512UL << 20).Layout.VmallocStart);
        var m = Boot(KernelConfig.R1, memory: 500UL << 20);
        Assert.Equal(0xDF400000UL, m.HighMemory);
        Assert.Equal(0xE0000000UL, m.Layout.VmallocStart);
    }

    [Fact]
    public void Kernel_2_4_22_has_a_fixed_pkmap_and_fixaddr_top()
    {
        var m = Boot(KernelConfig.R1, kernel: KernelProfile.V2_4_22);
        Assert.Equal(0xFE000000UL, m.Layout.PkmapBase);
        Assert.Equal(0xFDFFE000UL, m.Layout.VmallocEnd);
        Assert.Equal(0xFFFFE000UL, m.Layout.FixaddrTop);
        Assert.Equal(0, m.Fixmaps.IndexOf("FIX_KMAP_BEGIN"));
        Assert.Equal(0xFFFF6000UL, m.Layout.FixaddrStart); // kernel-model.md §2.3: 8 kmap slots, FIXADDR_START 0xFFFF6000
        Assert.Equal(RegionKind.FixmapHole, m.Layout.RegionOf(0xFFFFF000).Kind);
    }

    [Fact]
    public void Debug_highmem_fences_the_km_types()
    {
        var m = Boot(KernelConfig.R1 with { DebugHighmem = true });
        Assert.Equal(27, m.KmTypeNr);
        Assert.Equal(4 + 27, m.Fixmaps.EndOfPermanent);
    }

    [Fact]
    public void Without_highmem_the_boot_fixmaps_lie_inside_vmalloc()
    {
        var m = Boot(KernelConfig.R1, memory: 512UL << 20, highMem: HighMemSupport.None);
        Assert.Null(m.Layout.PkmapBase);
        Assert.Equal(m.Layout.FixaddrStart - 0x2000, m.Layout.VmallocEnd);
        Assert.True(m.Layout.Overlaps);
        Assert.Equal(RegionKind.FixmapBootTime, m.Layout.RegionOf(m.Layout.FixaddrStart - 0x3000).Kind);
    }

    [Fact]
    public void Reservetop_moves_fixaddr_top_and_grows_the_vmalloc_reserve()
    {
        var m = Boot(KernelConfig.R1, memory: 2 * GiB, boot: new BootOptions { ReserveTop = 16UL << 20 });
        Assert.Equal(0xFEFFF000UL, m.Layout.FixaddrTop);
        Assert.Equal(144UL << 20, m.VmallocReserve);
        Assert.Equal(0x37000000UL, m.MaxMem);
        Assert.Equal(RegionKind.Unused, m.Layout.RegionOf(0xFF000000).Kind);
    }

    [Fact]
    public void Vmalloc_option_sets_the_reserve_exactly()
    {
        var m = Boot(KernelConfig.R1, memory: 2 * GiB, boot: new BootOptions { Vmalloc = 256UL << 20 });
        Assert.Equal(0x30000000UL, m.MaxMem);
        Assert.Equal(0xF0000000UL, m.HighMemory);
        var e = Assert.Throws<KernelVmException>(() => Boot(KernelConfig.R1, kernel: KernelProfile.V2_4_22, boot: new BootOptions { Vmalloc = 256UL << 20 }));
        Assert.Equal(Errors.BootOptionNotInKernel, e.ErrorId);
    }

    [Fact]
    public void A_vmalloc_reserve_too_small_for_the_layout_is_the_kernels_BUG()
    {
        var e = Assert.Throws<KernelVmException>(() => Boot(KernelConfig.R1, memory: 2 * GiB, boot: new BootOptions { Vmalloc = 8UL << 20 }));
        Assert.Equal(Errors.LayoutBug, e.ErrorId);
    }

    [Fact]
    public void Highmem_option_carves_highmem_out_of_lowmem()
    {
        var m = Boot(KernelConfig.R1, memory: 512UL << 20, boot: new BootOptions { HighMem = 128UL << 20 });
        Assert.Equal(0x18000UL, m.MaxLowPfn);
        Assert.Equal(0x20000UL, m.HighEndPfn);
        var tooMuch = Boot(KernelConfig.R1, memory: 512UL << 20, boot: new BootOptions { HighMem = 480UL << 20 });
        Assert.Equal(0x20000UL, tooMuch.MaxLowPfn);
        Assert.Contains(tooMuch.BootLog, l => l.Text == "highmem size 480MB results in smaller than 64MB lowmem, ignoring it.");
        var trimmed = Boot(KernelConfig.R1, memory: 2 * GiB, boot: new BootOptions { HighMem = 512UL << 20 });
        Assert.Equal(0x38000UL + 0x20000UL, trimmed.MaxPfn);
    }

    [Fact]
    public void W21_virt_addr_valid_of_2_6_24_wraps()
    {
        var m = Boot(KernelConfig.R1, memory: 2 * GiB);
        Assert.True(m.VirtAddrValid(0xF8800000));
        Assert.True(m.VirtAddrValid(0x08048000));
        Assert.False(m.VirtAddrValid(0xBFFFF000)); // __pa wraps to 0xFFFFF000: pfn 0xFFFFF is beyond max_mapnr
    }

    [Fact]
    public void X86_64_layout_has_the_2_6_24_landmarks()
    {
        var m = Boot(KernelConfig.R1, Architecture.X86_64, 4 * GiB);
        var l = m.Layout;
        Assert.Equal(0xFFFF810000000000UL, l.PageOffset);
        Assert.Equal(RegionKind.Vmalloc, l.RegionOf(0xFFFFC20000000000).Kind);
        Assert.Equal(RegionKind.VirtualMemMap, l.RegionOf(0xFFFFE20000000000).Kind);
        Assert.Equal(RegionKind.KernelText, l.RegionOf(0xFFFFFFFF80200000).Kind);
        Assert.Equal("vsyscall", l.RegionOf(0xFFFFFFFFFF600000).Name);
        Assert.Equal(ulong.MaxValue, l.Regions[^1].Last);
        Assert.Equal(2048, m.Fixmaps.IndexOf("VSYSCALL_HPET"));
    }
}
