using System.Linq;
using KernelVm.BootLogs;
using KernelVm.Layout;
using KernelVm.Profiles;

namespace KernelVm.Core.Tests;

/// <summary>The configuration a boot log implies, and the twin booted from it.</summary>
public sealed class BootLogTwinTests
{
    private static BootLogTwin Twin(string name) => BootLogTwin.From(BootLogParser.Parse(RealLogs.Read(name)), "twin");

    [Fact]
    public void Hardy_generic_is_R2_with_paravirt_and_one_single_slot_option()
    {
        // README of real-dmesg: 720 kB = 180 slots = APIC + 64 IO-APICs + ACPI + MMCONFIG + PARAVIRT + NR_CPUS 8 + F00F or CYCLONE.
        var twin = Twin(RealLogs.Hardy);
        var expected = KernelConfig.R2 with { Paravirt = true, X86F00fBug = true };
        Assert.Equal(expected, twin.Inference.Chosen);
        Assert.Equal(expected, twin.Config.Options);
        Assert.Contains(KernelConfig.R2 with { Paravirt = true, X86CycloneTimer = true }, twin.Inference.Fits);
        Assert.All(twin.Inference.Fits, c => Assert.Equal(180, Machine.Boot(twin.Config with { Options = c }).Fixmaps.EndOfPermanent));
        Assert.Contains(twin.Notes, n => n.Kind == TwinNoteKind.Chosen && n.Text.Contains("X86_CYCLONE_TIMER"));
    }

    [Fact]
    public void Hardy_server_has_one_slot_fewer()
    {
        var twin = Twin(RealLogs.HardyServer);
        Assert.Equal(KernelConfig.R2 with { Paravirt = true }, twin.Config.Options);
        Assert.Equal(Architecture.X86Pae, twin.Config.Architecture);
        Assert.Equal(HighMemSupport.HighMem64G, twin.Config.HighMem);
    }

    [Fact]
    public void A_fit_gives_the_logs_fixmap_and_apic_addresses()
    {
        var m = Machine.Boot(Twin(RealLogs.Hardy).Config);
        Assert.Equal(0xFFF4B000UL, m.Layout.FixaddrStart);
        Assert.Equal(0xFFFFB000UL, m.Layout.FixaddrTop - ((ulong)m.Fixmaps.IndexOf("FIX_APIC_BASE") << 12));
        Assert.Equal(0xFFFFA000UL, m.Layout.FixaddrTop - ((ulong)m.Fixmaps.IndexOf("FIX_IO_APIC_BASE_0") << 12));
        Assert.Equal(0xFF7FE000UL, m.Layout.VmallocEnd);
    }

    [Fact]
    public void Without_a_fixmap_line_the_fewest_options_are_chosen_and_the_others_listed()
    {
        var twin = Twin(RealLogs.Toshiba61Pae);
        Assert.Equal(new KernelConfig { NrCpus = 32, X86LocalApic = true, X86IoApic = true }, twin.Config.Options);
        Assert.True(twin.Inference.Fits.Count > 1);
        Assert.Equal(0x36FFEUL, Machine.Boot(twin.Config).MaxLowPfn); // "879MB LOWMEM available."
    }

    [Fact]
    public void On_6x_i386_the_low_ram_line_rules_out_fits_that_move_lowmem()
    {
        // DEBUG_HIGHMEM's guard slots (2 * 16 + 1 per CPU) move PKMAP_BASE and so MAXMEM; one more slot does not.
        var twin = Twin(RealLogs.Toshiba61Pae);
        Assert.DoesNotContain(twin.Inference.Fits, c => c.DebugHighmem);
        Assert.Contains(twin.Inference.Fits, c => c.Paravirt);
        Assert.All(twin.Inference.Fits, c => Assert.Equal(0x36FFEUL, Machine.Boot(twin.Config with { Options = c }).MaxLowPfn));
        Assert.NotEqual(0x36FFEUL, Machine.Boot(twin.Config with { Options = twin.Config.Options with { DebugHighmem = true } }).MaxLowPfn);
    }

    [Fact]
    public void Twin_config_from_the_log()
    {
        var hardy = Twin(RealLogs.Hardy).Config;
        Assert.Same(KernelProfile.V2_6_24, hardy.Kernel);
        Assert.Equal(VmSplit.VMSPLIT_3G, hardy.VmSplit);
        Assert.Equal(HighMemSupport.HighMem4G, hardy.HighMem);
        Assert.Equal(8, hardy.E820!.Count);
        Assert.Equal((159UL + 327344) << 12, hardy.MemorySize);
        Assert.Equal(0x37D000UL, hardy.KernelSections!.InitEnd);

        var old = Twin(RealLogs.Old24).Config;
        Assert.Same(KernelProfile.V2_4_22, old.Kernel);
        Assert.Equal(new KernelConfig { X86LocalApic = true }, old.Options); // UP; "Found and enabled local APIC!"
    }

    [Fact]
    public void NR_CPUS_above_the_models_limit_is_noted_and_x86_64_takes_the_cpus_brought_up()
    {
        var twin = Twin(RealLogs.X99);
        Assert.Equal(12, twin.Config.Options.NrCpus);
        Assert.Contains(twin.Notes, n => n.Kind == TwinNoteKind.Ignored && n.Text.Contains("NR_CPUS 8192"));
        Assert.Equal(Architecture.X86_64, Machine.Boot(twin.Config).Architecture);
    }

    [Fact]
    public void A_6x_PAE_log_notes_that_HIGHMEM64G_is_gone()
    {
        var twin = Twin(RealLogs.Toshiba61Pae);
        Assert.Null(twin.Config.HighMem);
        Assert.Contains(twin.Notes, n => n.Kind == TwinNoteKind.Ignored && n.Text.Contains("bbeb69ce3013"));
    }

    [Theory]
    [InlineData("2.6.24", "vmalloc=256M highmem=512M memmap=1G", "vmalloc=256M highmem=512M", new[] { "memmap=1G" })]
    [InlineData("2.6.24", "reservetop=16M vmalloc=12x", "reservetop=16M", new[] { "vmalloc=12x" })]
    [InlineData("2.4.22", "reservetop=16M highmem=512M", "highmem=512M", new[] { "reservetop=16M" })]
    public void Command_line_options_pass_or_are_ignored(string kernel, string commandLine, string kept, string[] ignored)
    {
        var log = "Linux version " + kernel + " (x) #1 SMP\n BIOS-e820: 0000000000000000 - 0000000040000000 (usable)\nKernel command line: ro quiet " + commandLine;
        var twin = BootLogTwin.From(BootLogParser.Parse(log), "twin");
        Assert.Equal(kept, twin.Config.Boot.ToString());
        foreach (var word in ignored)
        {
            Assert.Contains(twin.Notes, n => n.Kind == TwinNoteKind.Ignored && n.Text.Contains(word));
        }

        Assert.DoesNotContain(twin.Notes, n => n.Text.Contains("quiet"));
    }

    [Fact]
    public void A_log_with_no_memory_map_and_no_lowmem_line_is_refused()
    {
        var e = Assert.Throws<KernelVmException>(() => BootLogTwin.From(BootLogParser.Parse("Linux version 2.6.24 (x) #1 SMP"), "twin"));
        Assert.Equal(Errors.BootLogInvalid, e.ErrorId);
    }
}
