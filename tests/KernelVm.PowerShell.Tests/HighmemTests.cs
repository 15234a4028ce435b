using System.Management.Automation;

namespace KernelVm.PowerShell.Tests;

/// <summary>Issue 4 through the engine: the spec's pkmap examples, exhaustion, wake-ups, kmap_atomic, TLBs, events.</summary>
public sealed class HighmemTests : IDisposable
{
    private readonly PsSession _ps = new();

    public HighmemTests() => _ps.Run("$null = New-VmMachine -MemorySize 2GB");

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void W13_three_kmaps_take_slots_1_2_3_with_count_2()
    {
        var r = _ps.Run("0x40000, 0x40001, 0x40002 | Invoke-Kmap").Output;
        Assert.Equal(new object[] { 1, 2, 3 }, r.Select(o => o.Get("Slot")));
        Assert.Equal(new[] { 0xFF801000UL, 0xFF802000, 0xFF803000 }, r.Select(o => o.Number("VirtualAddress")));
        Assert.All(r, o => Assert.Equal(2, o.Get("Count")));
        Assert.Equal(3, _ps.One("(Get-VmMachine)[-1].Pkmap.LastPkmapNr").BaseObject);
        Assert.Equal(3, _ps.Run("Get-PkmapCount -InUse").Output.Count);
    }

    [Fact]
    public void W14_count_goes_2_3_2_1_and_the_mapping_stays()
    {
        var counts = _ps.Run("kmap 0x40000; kmap 0x40000; kunmap 0x40000; kunmap 0x40000").Output.Select(o => o.Get("Count"));
        Assert.Equal(new object[] { 2, 3, 2, 1 }, counts);
        var slot = _ps.One("Get-PkmapCount -Slot 1");
        Assert.Equal("Stale", slot.Get("State")!.ToString());
        Assert.Equal(0x40000UL, slot.Number("Pfn"));
        Assert.Equal(0xFF801000UL, _ps.One("Get-PageAddress 0x40000").Number("VirtualAddress"));
        Assert.True((bool)_ps.One("(Resolve-VmAddress 0xFF801000).Mapped").BaseObject);
        var reuse = _ps.One("kmap 0x40000");
        Assert.Equal(("Reused", 1, 2), (reuse.Get("Status")!.ToString(), (int)reuse.Get("Slot")!, (int)reuse.Get("Count")!));
        _ps.Run("$null = kunmap 0x40000");
        var e = _ps.Error("kunmap 0x40000");
        Assert.Equal("PkmapCountZero,KernelVm.PowerShell.Commands.InvokeKunmapCommand", e.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, e.CategoryInfo.Category);
        Assert.Equal(0x40000UL, e.TargetObject);
        Assert.Equal(1, _ps.One("(Get-PkmapCount -Slot 1).Count").BaseObject);
    }

    [Fact]
    public void W15_kunmap_of_an_unmapped_page_is_a_BUG()
    {
        Assert.Equal("KunmapNotMapped,KernelVm.PowerShell.Commands.InvokeKunmapCommand", _ps.Error("Invoke-Kunmap 0x40000").FullyQualifiedErrorId);
    }

    [Fact]
    public void Exhaustion_blocks_with_a_warning_and_a_kunmap_to_1_completes_the_kmap()
    {
        _ps.Run("$null = 0..1023 | ForEach-Object { Invoke-Kmap (0x40000 + $_) -Task filler }");
        var r = _ps.Run("Invoke-Kmap 0x60000 -Task waiter");
        Assert.Equal("Blocked", Assert.Single(r.Output).Get("Status")!.ToString());
        Assert.Contains(r.Warnings, w => w.Contains("pkmap_map_wait"));
        var task = _ps.One("Get-VmTask waiter");
        Assert.Equal("Blocked", task.Get("State")!.ToString());
        Assert.Equal(0x60000UL, task.Number("WaitingForPfn"));
        Assert.Equal("TaskBlocked,KernelVm.PowerShell.Commands.InvokeKmapCommand", _ps.Error("Invoke-Kmap 0x60001 -Task waiter").FullyQualifiedErrorId);

        var unmap = _ps.One("Invoke-Kunmap 0x40005 -Task filler");
        var woken = PSObject.AsPSObject(Assert.Single((object[])unmap.Get("Woken")!));
        Assert.Equal("NewSlot", woken.Get("Status")!.ToString());
        Assert.True((bool)woken.Get("Flushed")!);
        Assert.Equal("Running", _ps.One("Get-VmTask waiter").Get("State")!.ToString());
        var kinds = _ps.Run("Get-VmEvent -Last 12").Output.Select(e => e.Get("Kind")!.ToString()).ToList();
        Assert.Contains("WakeUp", kinds);
        Assert.Contains("FlushAllZeroPkmaps", kinds);
        Assert.Contains("TlbFlushAll", kinds);
    }

    [Fact]
    public void Verbose_prints_every_step()
    {
        var verbose = _ps.Run("Invoke-Kmap 0x40000 -Verbose").Verbose;
        Assert.Contains(verbose, v => v.StartsWith("SlotChosen task0 cpu 0 slot 1 pfn 0x40000"));
        Assert.Contains(verbose, v => v.StartsWith("HashInsert") && v.Contains("bucket"));
    }

    [Fact]
    public void Lowmem_kmap_is_the_fast_path()
    {
        var k = _ps.One("Get-VmPage -Pfn 0x100 | Invoke-Kmap");
        Assert.Equal("Lowmem", k.Get("Status")!.ToString());
        Assert.Equal(0xC0100000UL, k.Number("VirtualAddress"));
        Assert.Null(k.Get("Slot"));
        Assert.Empty(_ps.Run("Get-PkmapCount -InUse").Output);
    }

    [Fact]
    public void Kmap_atomic_slot_shows_in_the_walk_and_BUGs_when_busy()
    {
        var a = _ps.One("Invoke-KmapAtomic 0x40005 KM_USER0");
        Assert.Equal(7, a.Get("FixmapIndex"));
        Assert.Equal(0xFFFF8000UL, a.Number("VirtualAddress"));
        Assert.Equal(0x40005000UL, _ps.One("Resolve-VmAddress 0xFFFF8000").Number("PhysicalAddress"));
        Assert.Equal(0x40005UL, _ps.One("Get-VmPage -VirtualAddress 0xFFFF8123").Number("Pfn"));
        var busy = _ps.Error("Invoke-KmapAtomic 0x40006 -Type KM_USER0");
        Assert.Equal("KmapAtomicSlotBusy,KernelVm.PowerShell.Commands.InvokeKmapAtomicCommand", busy.FullyQualifiedErrorId);
        Assert.True((bool)_ps.One("Invoke-KmapAtomic 0x40005 KM_USER1 | Invoke-KunmapAtomic -PassThru").BaseObject);
        Assert.True((bool)_ps.One("Invoke-KunmapAtomic 0xFFFF8000 KM_USER0 -PassThru").BaseObject);
        Assert.False((bool)_ps.One("(Resolve-VmAddress 0xFFFF8000).Mapped").BaseObject);
        Assert.Equal("KmTypeUnknown,KernelVm.PowerShell.Commands.InvokeKmapAtomicCommand", _ps.Error("Invoke-KmapAtomic 0x40005 KM_NOPE").FullyQualifiedErrorId);
    }

    [Fact]
    public void Count_1_keeps_the_TLB_entry_until_the_flush()
    {
        _ps.Run("$null = Invoke-Kmap 0x40000 -Touch; $null = Invoke-Kunmap 0x40000");
        var entry = _ps.One("Get-VmTlb");
        Assert.Equal(0xFF801000UL, entry.Number("VirtualAddress"));
        Assert.True((bool)entry.Get("Global")!);
        Assert.False((bool)entry.Get("Stale")!);
        Assert.True((bool)_ps.One("(Invoke-VmAccess 0xFF801000).TlbHit").BaseObject);
        _ps.Run("(Get-VmMachine)[-1].KmapFlushUnused()");
        Assert.Empty(_ps.Run("Get-VmTlb").Output);
        Assert.Equal("UnmappedKernelAccess,KernelVm.PowerShell.Commands.InvokeVmAccessCommand", _ps.Error("Invoke-VmAccess 0xFF801000").FullyQualifiedErrorId);
    }

    [Fact]
    public void A_stale_TLB_entry_on_another_CPU_is_reported_as_the_bug_it_is()
    {
        _ps.Run("$null = New-VmMachine -Config R2 -MemorySize 2GB");
        var a = _ps.One("Invoke-KmapAtomic 0x40005 KM_USER0 -Cpu 0");
        var vaddr = a.Number("VirtualAddress");
        _ps.Run($"$null = Invoke-VmAccess {vaddr} -Cpu 1");
        _ps.Run($"Invoke-KunmapAtomic {vaddr} KM_USER0 -Cpu 0");          // invlpg on CPU 0 only
        Assert.True((bool)_ps.One("(Get-VmTlb -Cpu 1).Stale").BaseObject);
        var e = _ps.Error($"Invoke-VmAccess {vaddr} -Cpu 1");
        Assert.Equal("StaleTlbAccess,KernelVm.PowerShell.Commands.InvokeVmAccessCommand", e.FullyQualifiedErrorId);
        Assert.Equal("CpuOutOfRange,KernelVm.PowerShell.Commands.InvokeVmAccessCommand", _ps.Error($"Invoke-VmAccess {vaddr} -Cpu 8").FullyQualifiedErrorId);
    }

    [Fact]
    public void Page_address_reports_the_hash_bucket()
    {
        _ps.Run("$null = Invoke-Kmap 0x40000");
        var info = _ps.One("Get-PageAddress 0x40000");
        var page = info.Number("Page");
        Assert.Equal((int)((uint)(page * 0x9E370001UL) >> 25), info.Get("Bucket"));
        Assert.Null(_ps.One("Get-PageAddress 0x40001").Get("VirtualAddress"));
    }

    [Fact]
    public void No_highmem_machine_has_no_pkmap()
    {
        _ps.Run("$null = New-VmMachine -MemorySize 512MB -HighMem None");
        Assert.Equal("NoHighmem,KernelVm.PowerShell.Commands.GetPkmapCountCommand", _ps.Error("Get-PkmapCount").FullyQualifiedErrorId);
        Assert.Equal("Lowmem", _ps.One("Invoke-Kmap 0x100").Get("Status")!.ToString());
    }
}

public sealed class KmapByPageTests : IDisposable
{
    private readonly PsSession _ps = new();

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void Kmap_takes_page_descriptors_by_parameter_and_by_pipeline()
    {
        _ps.Run("$null = New-VmMachine -MemorySize 2GB");
        Assert.Equal(1, _ps.One("Invoke-Kmap -Page (Get-VmPage -Pfn 0x40000)").Get("Slot"));
        Assert.Equal(2, _ps.One("Get-VmPage -Pfn 0x40001 | Invoke-Kmap").Get("Slot"));
        _ps.Run("$null = New-VmMachine -KernelVersion 6.x");
        Assert.Contains("BUILD_BUG_ON", _ps.Error("Get-Fixmap -Index 100000").Exception.Message);
    }
}

public sealed class PipelineBindingTests : IDisposable
{
    private readonly PsSession _ps = new();

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void Piped_strings_bind_to_the_pfn_not_the_machine()
    {
        _ps.Run("$null = New-VmMachine -MemorySize 2GB");
        Assert.Equal(2, _ps.Run("'0x40000', '0x40001' | Invoke-Kmap").Output.Count);
        Assert.Equal(0x40000UL, _ps.One("'0x40000' | Get-PageAddress").Number("Pfn"));
        Assert.Equal("vm0", _ps.One("Get-VmLayout -Machine vm0 -Kind Pkmap").Get("Machine")!.ToString());
    }

    [Fact]
    public void A_touch_that_fails_still_reports_the_mapping_it_made()
    {
        _ps.Run("$null = New-VmMachine -MemorySize 2GB -NrCpus 2; $null = Invoke-KmapAtomic 0x40000 KM_USER0 -Touch; $null = Clear-Fixmap -Name FIX_KMAP_BEGIN+3 -Cpu 1");
        var r = _ps.Run("Invoke-KmapAtomic 0x40001 KM_USER0 -Touch");
        Assert.Single(r.Output);
        Assert.Equal("StaleTlbAccess,KernelVm.PowerShell.Commands.InvokeKmapAtomicCommand", Assert.Single(r.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Fixmap_wildcards_skip_alignment_padding()
    {
        _ps.Run("$null = New-VmMachine -KernelVersion 6.x -Architecture X86Pae");
        var all = _ps.Run("Get-Fixmap -Name *");
        Assert.Empty(all.Errors);
        Assert.DoesNotContain(all.Output, o => o.Get("Name")!.ToString()!.Contains("padding"));
    }
}
