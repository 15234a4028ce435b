using System.Management.Automation;

namespace KernelVm.PowerShell.Tests;

/// <summary>Issue 3 through the engine: layout, split table, zones, nodes, pages, address resolution, boot log.</summary>
public sealed class MachineExplorationTests : IDisposable
{
    private readonly PsSession _ps = new();

    public MachineExplorationTests() => _ps.Run("$null = New-VmMachine -MemorySize 2GB");

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void Layout_lists_the_regions_in_order_with_the_R1_addresses()
    {
        var regions = _ps.Run("Get-VmLayout").Output;
        Assert.Equal(new[] { "user", "direct map", "vmalloc gap", "vmalloc", "guard pages", "pkmap", "unused", "fixmap (boot-time)", "fixmap", "FIX_HOLE" },
            regions.Select(r => r.Get("Name")));
        var pkmap = regions[5];
        Assert.Equal(0xFF800000UL, pkmap.Number("Start"));
        Assert.Equal(0xFFBFFFFFUL, pkmap.Number("Last"));
        Assert.Equal(4UL << 20, pkmap.Number("Size"));
        Assert.Equal(2, _ps.Run("Get-VmLayout -Kind FixmapPermanent, FixmapBootTime").Output.Count);
        Assert.Single(_ps.Run("Get-VmLayout | Where-Object Start -ge 0xFF800000 | Where-Object Last -le 0xFFBFFFFF").Output);
    }

    [Fact]
    public void Split_table_rebuilds_table_3_6()
    {
        var rows = _ps.Run("Get-VmSplitTable").Output;
        Assert.Equal(new ulong[] { 896, 1152, 1920, 2048, 2944 }, rows.Select(r => r.Number("MaxMem") >> 20));
        Assert.All(rows, r => Assert.Equal(0xF8000000UL, r.Number("HighMemory")));
        var pae = _ps.Run("Get-VmSplitTable -Architecture X86Pae | Where-Object { -not $_.Allowed }").Output;
        Assert.Equal(new[] { "VMSPLIT_3G_OPT", "VMSPLIT_2G_OPT" }, pae.Select(r => r.Get("VmSplit")!.ToString()));
        Assert.Equal(4, _ps.Run("Get-VmSplitTable -KernelVersion 2.4.22 | Where-Object { -not $_.Allowed }").Output.Count);
    }

    [Fact]
    public void Zones_and_nodes_read_like_kmem()
    {
        var zones = _ps.Run("Get-VmZone").Output;
        Assert.Equal(new[] { "DMA", "Normal", "HighMem", "Movable" }, zones.Select(z => z.Get("Name")));
        Assert.Equal(0x38000UL, zones[2].Number("StartPfn"));
        Assert.Equal(0xC1000000UL + 0x1000 * 32, zones[1].Number("ZoneMemMap"));
        Assert.Equal(223520UL, _ps.One("Get-VmZone Normal").Number("PresentPages"));
        var node = _ps.One("Get-VmNode");
        Assert.Equal(0xC1000000UL, node.Number("NodeMemMap"));
        Assert.Equal(0x1000000UL, node.Number("MemMapPhysical"));
        Assert.Equal(new[] { "DMA", "Normal", "HighMem" }, (string[])node.Get("Zones")!);
    }

    [Fact]
    public void Pages_by_pfn_address_and_zone()
    {
        var page = _ps.One("Get-VmPage -Pfn 0x38000");
        Assert.Equal("HighMem", page.Get("Zone"));
        Assert.Null(page.Get("VirtualAddress"));
        Assert.Equal(0xC1000000UL + 0x38000 * 32, page.Number("Page"));
        Assert.Equal(0x100UL, _ps.One("Get-VmPage -PhysicalAddress 0x100ABC").Number("Pfn"));
        var byVirt = _ps.One("Get-VmPage -VirtualAddress 0xC0100000");
        Assert.Equal(new[] { "PG_reserved" }, (string[])byVirt.Get("FlagNames")!);
        Assert.Equal(0x100UL, _ps.One("ConvertTo-PhysicalAddress 0xC0100000 | Get-VmPage").Number("Pfn"));
        Assert.Equal(4096, _ps.Run("Get-VmPage -Zone DMA").Output.Count);
        Assert.Equal(3, _ps.Run("0x10, 0x20, 0x30 | Get-VmPage").Output.Count);
    }

    [Fact]
    public void A_pfn_beyond_max_pfn_is_an_error_and_the_rest_goes_on()
    {
        var r = _ps.Run("Get-VmPage -Pfn 0x7FFFF, 0x80000, 0x10");
        Assert.Equal(2, r.Output.Count);
        var e = Assert.Single(r.Errors);
        Assert.Equal("PfnOutOfRange,KernelVm.PowerShell.Commands.GetVmPageCommand", e.FullyQualifiedErrorId);
        Assert.Equal(0x80000UL, e.TargetObject);
        Assert.Equal("NotInDirectMap,KernelVm.PowerShell.Commands.GetVmPageCommand", _ps.Error("Get-VmPage -VirtualAddress 0xF8800000").FullyQualifiedErrorId);
    }

    [Fact]
    public void Resolve_walks_the_tables_like_vtop()
    {
        var text = _ps.One("Resolve-VmAddress 0xC0512345");
        Assert.True((bool)text.Get("Mapped")!);
        Assert.Equal(0x512345UL, text.Number("PhysicalAddress"));
        Assert.Equal("direct map", text.Get("Region"));
        var walk = (object[])text.Get("Walk")!;
        var step = PSObject.AsPSObject(Assert.Single(walk));
        Assert.Equal("pgd", step.Get("Level"));
        Assert.Equal(769, step.Get("Index"));
        Assert.Contains("PSE", step.Get("Flags")!.ToString());

        var fix = _ps.One("vtop 0xFFFFC000");
        Assert.False((bool)fix.Get("Mapped")!);
        Assert.Contains("FIX_EARLYCON_MEM_BASE", fix.Get("Detail")!.ToString());
        Assert.Equal("fixmap", fix.Get("Region"));
        Assert.Contains("slot 5", _ps.One("Resolve-VmAddress 0xFF805ABC").Get("Detail")!.ToString()); // W12: PKMAP_NR(0xFF805ABC) = 5
        Assert.Equal(3, _ps.Run("Get-VmLayout -Kind Pkmap, Vmalloc, User | Resolve-VmAddress").Output.Count);
    }

    [Fact]
    public void Pae_walk_has_three_levels_W23()
    {
        _ps.Run("$null = New-VmMachine -Architecture X86Pae -CpuFeature PGE, NX");
        var walk = ((object[])_ps.One("Resolve-VmAddress 0xC0100000").Get("Walk")!).Select(PSObject.AsPSObject).ToList();
        Assert.Equal(new[] { ("pgd", 3), ("pmd", 0), ("pte", 256) }, walk.Select(s => ((string)s.Get("Level")!, (int)s.Get("Index")!)));
    }

    [Fact]
    public void Virt_addr_valid_has_the_2_6_24_hole_W21()
    {
        var r = _ps.Run("Test-VmVirtAddrValid 0xF8800000, 0x08048000, 0xC0000000");
        Assert.All(r.Output, o => Assert.True((bool)o.BaseObject));
    }

    [Fact]
    public void Boot_log_comes_back_as_objects_and_as_verbose_text()
    {
        var lines = _ps.Run("Get-VmBootLog").Output.Select(o => o.Get("Text")!.ToString()).ToList();
        Assert.Contains("896MB LOWMEM available.", lines);
        Assert.Contains("virtual kernel memory layout:", lines);
        Assert.Contains("    pkmap   : 0xff800000 - 0xffc00000   (4096 kB)", lines);
        Assert.Contains("    lowmem  : 0xc0000000 - 0xf8000000   ( 896 MB)", lines);
        var verbose = _ps.Run("New-VmMachine -Verbose").Verbose;
        Assert.Contains("  Normal zone: 1760 pages used for memmap", verbose);
        Assert.Equal(2, _ps.Run("dmesg -Level Notice").Output.Count);
    }

    [Fact]
    public void Configs_cpu_features_boot_options_and_nodes_from_the_shell()
    {
        var r2 = _ps.One("New-VmMachine -Config R2 -BootOption 'vmalloc=256M' | Get-VmLayout -Kind Pkmap");
        Assert.Equal(0xFF800000UL, r2.Number("Start"));
        Assert.Equal(0xF0000000UL, _ps.One("(Get-VmMachine)[-1]").Number("HighMemory"));
        var opts = _ps.One("New-VmMachine -KernelOption X86_LOCAL_APIC, DEBUG_HIGHMEM -NrCpus 2");
        Assert.Equal(5 + 27 * 2, LanguagePrimitives.ConvertTo<int>(_ps.One("(Get-VmMachine)[-1].Fixmaps.EndOfPermanent").BaseObject));
        var noPse = _ps.One("$null = New-VmMachine -CpuFeature PGE; Resolve-VmAddress 0xC0100000 | ForEach-Object { $_.Walk.Count }");
        Assert.Equal(2, (int)noPse.BaseObject);
        _ps.One("New-VmMachine -Architecture X86Pae -MemorySize 4GB -Node '0-2GB', '2GB-4GB'");
        Assert.Equal(2, _ps.Run("Get-VmNode").Output.Count);
        Assert.Equal(1, _ps.One("Get-VmPage -Pfn 0x80005").Get("Node"));
    }

    [Theory]
    [InlineData("New-VmMachine -Config R9", "ConfigPresetUnknown")]
    [InlineData("New-VmMachine -KernelOption NOSUCH", "KernelOptionUnknown")]
    [InlineData("New-VmMachine -BootOption 'mem=1G'", "BootOptionUnknown")]
    [InlineData("New-VmMachine -BootOption 'vmalloc=8M' -MemorySize 2GB", "LayoutBug")]
    [InlineData("New-VmMachine -KernelVersion 2.4.22 -BootOption 'reservetop=16M'", "BootOptionNotInKernel")]
    [InlineData("New-VmMachine -Node '0-1GB'", "NumaNotAvailable")]
    [InlineData("New-VmMachine -Architecture X86Pae -MemorySize 2GB -Node '0-1GB', '1GB-1536MB'", "NodeRangeInvalid")]
    public void Bad_configurations_are_clear_errors_and_create_nothing(string script, string errorId)
    {
        var before = _ps.Run("Get-VmMachine").Output.Count;
        var e = _ps.Error(script);
        Assert.StartsWith(errorId + ",", e.FullyQualifiedErrorId);
        Assert.NotNull(e.TargetObject);
        Assert.Equal(before, _ps.Run("Get-VmMachine").Output.Count);
    }
}

public sealed class ModernKernelShellTests : IDisposable
{
    private readonly PsSession _ps = new();

    public void Dispose() => _ps.Dispose();

    [Theory]
    [InlineData("6.x")]
    [InlineData("6.17")]
    public void A_6_x_machine_from_the_shell(string version)
    {
        var m = _ps.One("New-VmMachine -KernelVersion " + version + " -MemorySize 2GB");
        Assert.Equal("6.17", m.Get("Kernel")!.ToString());
        Assert.Equal(0xF73FE000UL, m.Number("HighMemory"));
        var names = _ps.Run("Get-VmLayout").Output.Select(r => r.Get("Name")!.ToString()).ToList();
        Assert.Contains("LDT remap", names);
        Assert.Contains("cpu entry area", names);
        Assert.False((bool)_ps.One("Test-VmVirtAddrValid 0xF8800000").BaseObject);
        Assert.Equal("KmapAtomicNotModelled,KernelVm.PowerShell.Commands.InvokeKmapAtomicCommand", _ps.Error("Invoke-KmapAtomic 0x40000 KM_USER0").FullyQualifiedErrorId);
        Assert.Contains("PWT", _ps.One("Set-Fixmap FIX_EARLYCON_MEM_BASE 0xFED00000 -NoCache -PassThru").Get("Flags")!.ToString());
        Assert.Equal("HighMemNotAllowed,KernelVm.PowerShell.Commands.NewVmMachineCommand", _ps.Error("New-VmMachine -KernelVersion 6.x -Architecture X86Pae -HighMem 64G").FullyQualifiedErrorId);
    }
}
