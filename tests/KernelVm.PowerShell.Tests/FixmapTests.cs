using System.Management.Automation;

namespace KernelVm.PowerShell.Tests;

/// <summary>Issue 5 through the engine: the enum per kernel and config, fix_to_virt, virt_to_fix, set/clear.</summary>
public sealed class FixmapTests : IDisposable
{
    private readonly PsSession _ps = new();

    public void Dispose() => _ps.Dispose();

    [Theory]
    [InlineData("R1", "2.6.24", "FIX_KMAP_BEGIN", 4, 0xFFFFB000UL)]
    [InlineData("R2", "2.6.24", "FIX_KMAP_BEGIN", 69, 0xFFFBA000UL)]
    [InlineData("R2", "2.6.24", "FIX_WP_TEST", 194, 0xFFF3D000UL)]
    [InlineData("R1", "2.4.22", "FIX_KMAP_BEGIN", 0, 0xFFFFE000UL)]
    public void Indices_and_addresses_per_config_and_kernel(string config, string kernel, string name, int index, ulong vaddr)
    {
        _ps.Run($"$null = New-VmMachine -Config {config} -KernelVersion {kernel}");
        var f = _ps.One("Get-Fixmap -Name " + name);
        Assert.Equal(index, f.Get("Index"));
        Assert.Equal(vaddr, f.Number("VirtualAddress"));
    }

    [Fact]
    public void W7_fix_to_virt_of_3()
    {
        _ps.Run("$null = New-VmMachine");
        Assert.Equal(0xFFFFC000UL, _ps.One("Get-Fixmap -Index 3").Number("VirtualAddress"));
        _ps.Run("$null = New-VmMachine -KernelVersion 2.4.22 -KernelOption X86_LOCAL_APIC, ACPI");
        Assert.Equal(0xFFFFB000UL, _ps.One("Get-Fixmap -Index 3").Number("VirtualAddress"));
    }

    [Fact]
    public void W9_W10_virt_to_fix_BUG_and_index_past_the_end()
    {
        _ps.Run("$null = New-VmMachine");
        var e = _ps.Error("Get-Fixmap -VirtualAddress 0xFFFFF000");
        Assert.Equal("VirtToFixOutOfRange,KernelVm.PowerShell.Commands.GetFixmapCommand", e.FullyQualifiedErrorId);
        Assert.Equal(3, _ps.One("Get-Fixmap -VirtualAddress 0xFFFFC123").Get("Index"));
        var end = _ps.Error("Get-Fixmap -Index 34");
        Assert.Equal("FixmapDoesNotExist,KernelVm.PowerShell.Commands.GetFixmapCommand", end.FullyQualifiedErrorId);
        Assert.Contains("__this_fixmap_does_not_exist", end.Exception.Message);
        Assert.Equal(34, _ps.Run("Get-Fixmap").Output.Count);
    }

    [Fact]
    public void Set_fixmap_nocache_sets_PCD_drops_the_offset_and_walks()
    {
        _ps.Run("$null = New-VmMachine -Config R2");
        var f = _ps.One("Set-Fixmap FIX_APIC_BASE 0xFEE00ABC -NoCache -PassThru");
        Assert.Equal(0xFEE00000UL, f.Number("PhysicalAddress"));
        Assert.Equal(0xFEE00000UL | 0x173, f.Number("Pte"));                          // PAGE_KERNEL_NOCACHE with PGE: PCD only
        Assert.Contains("PCD", f.Get("Flags")!.ToString());
        Assert.Equal(0xFEE00123UL, _ps.One("Resolve-VmAddress 0xFFFFB123").Number("PhysicalAddress"));
        Assert.Equal(0xFEC00000UL | 0x163, _ps.One("Set-Fixmap -Index 5 -PhysicalAddress 0xFEC00000 -PassThru").Number("Pte"));
        var cleared = _ps.One("Clear-Fixmap FIX_APIC_BASE -PassThru");
        Assert.False((bool)cleared.Get("Mapped")!);
        Assert.False((bool)_ps.One("(Resolve-VmAddress 0xFFFFB000).Mapped").BaseObject);
        Assert.Equal(2, _ps.Run("Get-Fixmap -Mapped").Output.Count + 1);              // only index 5 stays set
    }

    [Fact]
    public void Kmap_atomic_slots_show_as_mapped_fixmaps()
    {
        _ps.Run("$null = New-VmMachine -MemorySize 2GB; $null = Invoke-KmapAtomic 0x40005 KM_USER0");
        var f = _ps.One("Get-Fixmap -Mapped");
        Assert.Equal("FIX_KMAP_BEGIN+3", f.Get("Name"));
        Assert.Equal(0x40005000UL, f.Number("PhysicalAddress"));
    }

    [Fact]
    public void Unknown_names_are_errors_and_wildcards_select()
    {
        _ps.Run("$null = New-VmMachine -Config R2");
        Assert.Equal("FixmapNameNotFound,KernelVm.PowerShell.Commands.SetFixmapCommand", _ps.Error("Set-Fixmap FIX_NOPE 0x1000").FullyQualifiedErrorId);
        Assert.Equal(64, _ps.Run("Get-Fixmap FIX_IO_APIC*").Output.Count);
        Assert.Equal(16, _ps.Run("Get-Fixmap | Where-Object BootTime | Where-Object Name -like 'FIX_BTMAP*'").Output.Count);
    }

    [Fact]
    public void X86_64_lists_the_vsyscall_and_hardware_slots()
    {
        _ps.Run("$null = New-VmMachine -Architecture X86_64");
        Assert.Equal(0xFFFFFFFFFF600000UL, _ps.One("Get-Fixmap VSYSCALL_FIRST_PAGE").Number("VirtualAddress"));
        Assert.Equal(0xFFFFFFFFFFDFF000UL, _ps.One("Get-Fixmap -Index 0").Number("VirtualAddress"));
        Assert.Equal("NoKernelPageTables,KernelVm.PowerShell.Commands.SetFixmapCommand", _ps.Error("Set-Fixmap FIX_APIC_BASE 0xFEE00000").FullyQualifiedErrorId);
    }
}
