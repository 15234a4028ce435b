using System.Management.Automation;

namespace KernelVm.PowerShell.Tests;

/// <summary>ConvertTo-PhysicalAddress (__pa) and ConvertTo-VirtualAddress (__va) through the engine.</summary>
public sealed class DirectMapTests : IDisposable
{
    private readonly PsSession _ps = new();

    public DirectMapTests() => _ps.Run("$null = New-VmMachine");

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void Pa_of_kernel_text_is_1MiB_W1()
    {
        var t = _ps.One("ConvertTo-PhysicalAddress 0xC0100000");
        Assert.Equal("KernelVm.PowerShell.AddressTranslation", t.TypeNames[0]);
        Assert.Equal(0x100000UL, t.Number("PhysicalAddress"));
        Assert.Equal(0xC0100000UL, t.Number("VirtualAddress"));
        Assert.Equal(0x100UL, t.Number("Pfn"));
        Assert.Equal("0x00100000", t.Get("PhysicalAddress")!.ToString());
        Assert.True((bool)_ps.One("(ConvertTo-PhysicalAddress 0xC0100000).PhysicalAddress -eq 0x100000").BaseObject);
    }

    [Theory]
    [InlineData("0xC0100000")]
    [InlineData("'0xC0100000'")]
    [InlineData("'c0100000'")]
    [InlineData("'C010_0000'")]
    [InlineData("([uint64]'0xC0100000')")]
    [InlineData("([long]3222274048)")]
    [InlineData("3222274048")]
    [InlineData("'3222274048'")]
    [InlineData("(3GB + 1MB)")]
    [InlineData("'3073MB'")]
    [InlineData("([double]3222274048)")]
    [InlineData("([uint32]'0xC0100000')")]
    public void Addresses_are_read_as_people_type_them(string typed)
    {
        var t = _ps.One("ConvertTo-PhysicalAddress " + typed);
        Assert.Equal(0x100000UL, t.Number("PhysicalAddress"));
    }

    [Fact]
    public void Garbage_gets_a_binding_error_that_names_the_value()
    {
        var e = _ps.Error("ConvertTo-PhysicalAddress 'banana'");
        Assert.StartsWith("ParameterArgumentTransformationError,KernelVm.PowerShell.Commands.ConvertToPhysicalAddressCommand", e.FullyQualifiedErrorId);
        Assert.Contains("'banana'", e.Exception.Message);
        Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category);
    }

    [Fact]
    public void Address_outside_the_direct_map_is_a_clear_error_and_the_pipeline_goes_on()
    {
        var r = _ps.Run("0xC0100000, 0x08048000, 0xF8000000, 0xF7FFF000 | ConvertTo-PhysicalAddress");
        Assert.Equal(new[] { 0x100000UL, 0x37FFF000UL }, r.Output.Select(o => o.Number("PhysicalAddress")));
        Assert.Equal(2, r.Errors.Count);
        var e = r.Errors[0];
        Assert.Equal("NotInDirectMap,KernelVm.PowerShell.Commands.ConvertToPhysicalAddressCommand", e.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        Assert.Equal(0x08048000UL, e.TargetObject);
        Assert.Contains("0x08048000", e.Exception.Message);
        Assert.Equal(0xF8000000UL, r.Errors[1].TargetObject);
    }

    [Fact]
    public void Va_of_1MiB_is_kernel_text_and_round_trips_through_the_pipeline()
    {
        Assert.Equal(0xC0100000UL, _ps.One("ConvertTo-VirtualAddress 0x100000").Number("VirtualAddress"));
        Assert.Equal(0xC0100000UL, _ps.One("ConvertTo-PhysicalAddress 0xC0100000 | ConvertTo-VirtualAddress").Number("VirtualAddress"));
        Assert.Equal(0x100000UL, _ps.One("__va 0x100000 | __pa").Number("PhysicalAddress"));
    }

    [Fact]
    public void Va_of_highmem_points_to_Invoke_Kmap()
    {
        _ps.Run("$null = New-VmMachine -MemorySize 2GB");
        var e = _ps.Error("ConvertTo-VirtualAddress 0x40000000");
        Assert.Equal("HighmemHasNoPermanentMapping,KernelVm.PowerShell.Commands.ConvertToVirtualAddressCommand", e.FullyQualifiedErrorId);
        Assert.Contains("Invoke-Kmap", e.Exception.Message);
        Assert.Equal(0x40000000UL, e.TargetObject);
    }

    [Fact]
    public void Va_beyond_ram_is_an_error()
    {
        var e = _ps.Error("ConvertTo-VirtualAddress 0x40000000");
        Assert.Equal("PhysicalAddressBeyondRam,KernelVm.PowerShell.Commands.ConvertToVirtualAddressCommand", e.FullyQualifiedErrorId);
    }

    [Fact]
    public void Addresses_filter_and_compare_with_hex_literals_as_typed()
    {
        // 0xF0000000 is the Int32 -268435456 in PowerShell; the comparison must still mean the address.
        var r = _ps.Run("0xC0100000, 0xF7000000 | ConvertTo-PhysicalAddress | Where-Object VirtualAddress -gt 0xF0000000");
        Assert.Equal(0xF7000000UL, Assert.Single(r.Output).Number("VirtualAddress"));
        Assert.True((bool)_ps.One("(__pa 0xF7000000).VirtualAddress -eq 0xF7000000").BaseObject);
        Assert.True((bool)_ps.One("(__pa 0xC0100000).PhysicalAddress -lt (__pa 0xF7000000).PhysicalAddress").BaseObject);
        Assert.Equal(0xC0101000UL, LanguagePrimitives.ConvertTo<ulong>(_ps.One("(__pa 0xC0100000).VirtualAddress + 4096").BaseObject));
    }

    [Fact]
    public void Machine_parameter_overrides_the_session_default()
    {
        _ps.Run("$first = Get-VmMachine vm0; $null = New-VmMachine -VmSplit 2G");
        Assert.Equal(0x80100000UL, _ps.One("ConvertTo-VirtualAddress 0x100000").Number("VirtualAddress"));
        Assert.Equal(0xC0100000UL, _ps.One("ConvertTo-VirtualAddress 0x100000 -Machine $first").Number("VirtualAddress"));
        Assert.Equal(0xC0100000UL, _ps.One("$first | ConvertTo-VirtualAddress -PhysicalAddress 0x100000").Number("VirtualAddress"));
        Assert.Equal(0x80100000UL, _ps.One("0x100000 | ConvertTo-VirtualAddress").Number("VirtualAddress"));
        Assert.Equal(0x00100000UL, _ps.One("ConvertTo-VirtualAddress 0x100000 -Machine $first | ConvertTo-PhysicalAddress").Number("PhysicalAddress"));
    }

    [Fact]
    public void Without_a_machine_the_command_stops_with_a_clear_error()
    {
        using var fresh = new PsSession();
        var e = fresh.Error("ConvertTo-PhysicalAddress 0xC0000000");
        Assert.Equal("NoMachine,KernelVm.PowerShell.Commands.ConvertToPhysicalAddressCommand", e.FullyQualifiedErrorId);
        Assert.Contains("New-VmMachine", e.Exception.Message);
    }
}

public sealed class WideAddressTests : IDisposable
{
    private readonly PsSession _ps = new();

    public void Dispose() => _ps.Dispose();

    [Theory]
    [InlineData("Resolve-VmAddress", "ResolveVmAddressCommand")]
    [InlineData("Invoke-VmAccess", "InvokeVmAccessCommand")]
    [InlineData("Test-VmVirtAddrValid", "TestVmVirtAddrValidCommand")]
    public void Addresses_wider_than_32_bits_are_refused_on_i386(string command, string cls)
    {
        _ps.Run("$null = New-VmMachine");
        var e = _ps.Error(command + " 0x100000000");
        Assert.Equal("AddressBeyondArchitecture,KernelVm.PowerShell.Commands." + cls, e.FullyQualifiedErrorId);
        Assert.Equal(0x100000000UL, e.TargetObject);
    }
}
