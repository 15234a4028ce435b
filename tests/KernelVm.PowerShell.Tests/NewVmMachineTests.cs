using System.Management.Automation;

namespace KernelVm.PowerShell.Tests;

public sealed class NewVmMachineTests : IDisposable
{
    private readonly PsSession _ps = new();

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void Default_machine_is_x86_3G_2_6_24_with_1GiB()
    {
        var m = _ps.One("New-VmMachine");
        Assert.Equal("KernelVm.Machine", m.TypeNames[0]);
        Assert.Equal("vm0", m.Get("Name"));
        Assert.Equal("X86", m.Get("Architecture")!.ToString());
        Assert.Equal("VMSPLIT_3G", m.Get("VmSplit")!.ToString());
        Assert.Equal("2.6.24", m.Get("Kernel")!.ToString());
        Assert.Equal(1UL << 30, m.Number("UsableMemory"));
        Assert.Equal(0xC0000000UL, m.Number("PageOffset"));
        Assert.Equal(0xF8000000UL, m.Number("HighMemory"));
        Assert.Equal(0x38000UL, m.Number("MaxLowPfn"));
    }

    [Fact]
    public void Two_GiB_prints_the_boot_lines_of_W4()
    {
        var r = _ps.Run("New-VmMachine -MemorySize 2GB -Verbose");
        var m = Assert.Single(r.Output);
        Assert.Equal(0x80000UL, m.Number("MaxPfn"));
        Assert.Equal(0x38000UL, m.Number("HighStartPfn"));
        Assert.Contains("1152MB HIGHMEM available.", r.Verbose);
        Assert.Contains("896MB LOWMEM available.", r.Verbose);
    }

    [Theory]
    [InlineData("2G", 0x80000000UL)]
    [InlineData("VMSPLIT_2G_OPT", 0x78000000UL)]
    [InlineData("'1G'", 0x40000000UL)]
    [InlineData("3G_OPT", 0xB0000000UL)]
    public void VmSplit_takes_the_short_names(string typed, ulong pageOffset) =>
        Assert.Equal(pageOffset, _ps.One("New-VmMachine -VmSplit " + typed).Number("PageOffset"));

    [Fact]
    public void Memory_size_takes_hex_and_suffixes()
    {
        Assert.Equal(512UL << 20, _ps.One("New-VmMachine -MemorySize '512MB'").Number("UsableMemory"));
        Assert.Equal(0x20000000UL, _ps.One("New-VmMachine -MemorySize 0x20000000").Number("UsableMemory"));
        Assert.Equal(0xE0000000UL, _ps.One("New-VmMachine -MemorySize 512MB").Number("HighMemory"));
    }

    [Fact]
    public void Pae_refuses_the_OPT_splits_as_Kconfig_does()
    {
        var e = _ps.Error("New-VmMachine -Architecture X86Pae -VmSplit 3G_OPT");
        Assert.Equal("SplitNotAllowedWithPae,KernelVm.PowerShell.Commands.NewVmMachineCommand", e.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        Assert.Equal("VMSPLIT_3G_OPT", e.TargetObject?.ToString());
        Assert.Empty(_ps.Run("Get-VmMachine").Output);
    }

    [Fact]
    public void Kernel_2_4_22_typed_bare_has_no_split_option()
    {
        Assert.Equal("2.4.22", _ps.One("New-VmMachine -KernelVersion 2.4.22").Get("Kernel")!.ToString());
        var e = _ps.Error("New-VmMachine -KernelVersion 2.4.22 -VmSplit 2G");
        Assert.Equal("SplitNotAvailable,KernelVm.PowerShell.Commands.NewVmMachineCommand", e.FullyQualifiedErrorId);
    }

    [Fact]
    public void Unknown_kernel_version_names_the_known_ones()
    {
        var e = _ps.Error("New-VmMachine -KernelVersion 9.9.9");
        Assert.Contains("2.6.24", e.Exception.Message);
        Assert.Contains("9.9.9", e.Exception.Message);
    }

    [Fact]
    public void RAM_beyond_HIGHMEM4G_is_trimmed_with_the_kernels_warning()
    {
        var r = _ps.Run("New-VmMachine -MemorySize 8GB");
        Assert.Equal(4UL << 30, Assert.Single(r.Output).Number("UsableMemory"));
        Assert.Contains("Warning only 4GB will be used.", r.Warnings);
    }

    [Fact]
    public void A_name_is_unique_in_the_session_and_WhatIf_creates_nothing()
    {
        _ps.Run("$null = New-VmMachine -Name lab");
        var e = _ps.Error("New-VmMachine -Name lab");
        Assert.Equal("MachineNameTaken,KernelVm.PowerShell.Commands.NewVmMachineCommand", e.FullyQualifiedErrorId);
        Assert.Equal("lab", e.TargetObject);
        Assert.Empty(_ps.Run("New-VmMachine -Name other -WhatIf").Output);
        Assert.Single(_ps.Run("Get-VmMachine").Output);
    }

    [Fact]
    public void Get_VmMachine_filters_by_wildcard_and_reports_missing_names()
    {
        _ps.Run("$null = New-VmMachine -Name a1; $null = New-VmMachine -Name a2; $null = New-VmMachine -Name b");
        Assert.Equal(2, _ps.Run("Get-VmMachine a*").Output.Count);
        var e = _ps.Error("Get-VmMachine nosuch");
        Assert.Equal("MachineNotFound,KernelVm.PowerShell.Commands.GetVmMachineCommand", e.FullyQualifiedErrorId);
    }
}
