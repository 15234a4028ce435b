using System.Linq;
using KernelVm.BootLogs;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm.Core.Tests;

/// <summary>Reading real boot logs: versions, architecture, the e820 map, the layout lines, the APIC addresses.</summary>
public sealed class BootLogParserTests
{
    private static BootLogFacts Parse(string name) => BootLogParser.Parse(RealLogs.Read(name));

    [Theory]
    [InlineData(RealLogs.Hardy, "2.6.24-19-generic", "2.6.24", Architecture.X86, true, 8)]
    [InlineData(RealLogs.HardyServer, "2.6.24-24-server", "2.6.24", Architecture.X86Pae, true, 10)]
    [InlineData(RealLogs.Old24, "2.4.19", "2.4.22", Architecture.X86, false, 10)]
    [InlineData(RealLogs.Qemu61, "6.1.0-rc6-kvmpeter+", "6.17", Architecture.X86_64, true, 7)]
    [InlineData(RealLogs.X99, "6.14.0-37-generic", "6.17", Architecture.X86_64, true, 14)]
    [InlineData(RealLogs.Toshiba61Pae, "6.1.0-2-686-pae", "6.17", Architecture.X86Pae, true, 18)]
    public void Every_shared_log_parses(string name, string release, string model, Architecture arch, bool smp, int e820)
    {
        var facts = Parse(name);
        Assert.Equal(release, facts.Release);
        Assert.Equal(model, facts.Kernel.Version);
        Assert.Equal(arch, facts.Architecture);
        Assert.Equal(smp, facts.Smp);
        Assert.Equal(e820, facts.E820.Count);
        Assert.DoesNotContain(facts.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"^\[\s*\d+\.\d+\]"));
    }

    [Fact]
    public void Old_e820_format_ends_exclusive_and_names_types()
    {
        var map = Parse(RealLogs.Hardy).E820;
        Assert.Equal(new E820Entry(0, 0x9FC00, E820Type.Ram), map[0]);
        Assert.Equal(new E820Entry(0x100000, 0x4FFB0000 - 0x100000, E820Type.Ram), map[3]);
        Assert.Equal(new E820Entry(0x4FFB0000, 0xE000, E820Type.Acpi), map[4]);
        Assert.Equal(new E820Entry(0x4FFBE000, 0x32000, E820Type.Nvs), map[5]);
        Assert.Equal(new E820Entry(0xFFB80000, 0x480000, E820Type.Reserved), map[7]);
        Assert.Equal(new E820Entry(0x100000000, 0x30000000, E820Type.Ram), Parse(RealLogs.HardyServer).E820[9]);
    }

    [Fact]
    public void New_e820_format_ends_inclusive()
    {
        var map = Parse(RealLogs.X99).E820;
        Assert.Equal(new E820Entry(0, 0xA0000, E820Type.Ram), map[0]);
        Assert.Equal(new E820Entry(0x39D7E000, 0x10000, E820Type.Acpi), map[3]);
        Assert.Equal(new E820Entry(0x100000000, 0x3C0000000, E820Type.Ram), map[13]);
        Assert.Equal(new E820Entry(0x9FC00, 0x400, E820Type.Reserved), Parse(RealLogs.Qemu61).E820[1]);
    }

    [Fact]
    public void Layout_lines_give_sections_fixmap_and_pkmap()
    {
        var hardy = Parse(RealLogs.Hardy);
        Assert.Equal(0xC0100000UL, hardy.Text);
        Assert.Equal(0xC0000000UL, hardy.PageOffset);
        Assert.Equal(0xF8000000UL, hardy.HighMemory);
        Assert.Equal((0xFFF4B000UL, 0xFFFFF000UL), hardy.Fixmap);
        Assert.Equal(720UL << 10, hardy.Fixmap!.Value.Top - hardy.Fixmap.Value.Start);
        Assert.Equal(4UL << 20, hardy.PkmapSize);
        Assert.Equal(0x2204C4UL, hardy.Sections!.Etext);
        Assert.Equal(0x31BDC4UL, hardy.Sections.Edata);
        Assert.Equal(0x321000UL, hardy.Sections.InitBegin);
        Assert.Equal(0x37D000UL, hardy.Sections.InitEnd);
        Assert.Equal(0xFFFFB000UL, hardy.ApicAddress);
        Assert.Equal(0xFFFFA000UL, hardy.IoApicAddress);

        var server = Parse(RealLogs.HardyServer);
        Assert.Equal(716UL << 10, server.Fixmap!.Value.Top - server.Fixmap.Value.Start);
        Assert.Equal(2UL << 20, server.PkmapSize);
        Assert.Equal(0x234A89UL, server.Sections!.Etext);
        Assert.Equal(0x39E000UL, server.Sections.InitEnd);
    }

    [Fact]
    public void Logs_without_a_layout_block_have_none()
    {
        foreach (var name in new[] { RealLogs.Old24, RealLogs.Qemu61, RealLogs.X99, RealLogs.Toshiba61Pae })
        {
            var facts = Parse(name);
            Assert.Null(facts.Fixmap);
            Assert.Null(facts.Sections);
            Assert.Null(facts.ApicAddress);
        }
    }

    [Fact]
    public void Cpus_and_memory_lines()
    {
        Assert.Equal(8192, Parse(RealLogs.Qemu61).NrCpus);
        Assert.Equal(2, Parse(RealLogs.Qemu61).CpusSeen);
        Assert.Equal(12, Parse(RealLogs.X99).CpusSeen);
        var pae = Parse(RealLogs.Toshiba61Pae);
        Assert.Equal(32, pae.NrCpus);
        Assert.Equal(4240UL, pae.HighMemMb);
        Assert.Equal(879UL, pae.LowMemMb);
        Assert.Equal(0x36FFE000UL, pae.LowRamEnd);
        Assert.Null(Parse(RealLogs.Hardy).NrCpus);
        Assert.Equal(2, Parse(RealLogs.Hardy).CpusSeen);
        Assert.True(Parse(RealLogs.Hardy).Paravirt);
        Assert.True(Parse(RealLogs.Old24).LocalApicSeen);
        Assert.StartsWith("net.ifnames=0 console=ttyS0", Parse(RealLogs.Qemu61).CommandLine);
    }

    [Fact]
    public void Timestamps_comments_and_wrapped_markers()
    {
        var lines = Parse(RealLogs.X99).Lines;
        Assert.DoesNotContain(lines, l => l.Text.StartsWith("#"));
        var marker = lines.Single(l => l.Omission && l.Text.Contains("SMP bring-up"));
        Assert.StartsWith("[... omitted: SLUB", marker.Text);
        Assert.EndsWith("...]", marker.Text);
        var next = lines[lines.ToList().IndexOf(marker) + 1];
        Assert.Equal("smp: Brought up 1 node, 12 CPUs", next.Text);
        Assert.Equal(131, next.LineNumber);

        var dma = Parse(RealLogs.Hardy).Lines.Single(l => l.Text.Contains("DMA             0"));
        Assert.Equal("  DMA             0 ->     4096", dma.Text);
    }

    [Theory]
    [InlineData("Linux version 2.6.24-1-amd64 (x) #1 SMP", Architecture.X86_64)]
    [InlineData("Linux version 2.6.24 (x) #1 SMP\nCommand line: ro", Architecture.X86_64)]
    [InlineData("Linux version 6.1.0 (x) #1 SMP\nlast_pfn = 0x140000 max_arch_pfn = 0x400000000", Architecture.X86_64)]
    [InlineData("Linux version 2.6.24 (x) #1 SMP\n  DMA32           4096 ->  1048576", Architecture.X86_64)]
    [InlineData("Linux version 2.6.24 (x) #1 SMP", Architecture.X86)]
    [InlineData("Linux version 2.6.24 (x) #1 SMP\nNX (Execute Disable) protection: active", Architecture.X86Pae)]
    [InlineData("Linux version 2.6.18-6-686-bigmem (x) #1 SMP", Architecture.X86Pae)]
    [InlineData("Linux version 6.1.0 (x) #1 SMP\nlast_pfn = 0x140000 max_arch_pfn = 0x1000000", Architecture.X86Pae)]
    [InlineData("Linux version 2.6.24 (x86_64-linux-gnu-gcc) #1 SMP\n896MB LOWMEM available.", Architecture.X86)]
    public void Architecture_rules(string log, Architecture expected)
    {
        Assert.Equal(expected, BootLogParser.Parse(log).Architecture);
    }

    [Fact]
    public void E820_types_by_name_and_number()
    {
        var facts = BootLogParser.Parse("Linux version 6.1.0 (x) #1\n" +
            "BIOS-e820: [mem 0x0000000100000000-0x00000001ffffffff] persistent (type 12)\n" +
            "BIOS-e820: [mem 0x0000000200000000-0x00000002ffffffff] unusable\n" +
            " BIOS-e820: 0000000300000000 - 0000000300001000 type 7\n".Replace(" type 7", " (type 7)"));
        Assert.Equal(new[] { E820Type.Pram, E820Type.Unusable, E820Type.Pmem }, facts.E820.Select(e => e.Type));
        Assert.Equal(0x100000000UL, facts.E820[0].Size);
    }

    [Theory]
    [InlineData("just some text\nBIOS-e820: 0000000000000000 - 000000000009fc00 (usable)", Errors.BootLogInvalid)]
    [InlineData("Linux version 2.6.24 (x)\nBIOS-e820: 0000000000000000 - 000000000009fc00 (weird)", Errors.BootLogInvalid)]
    [InlineData("Linux version 2.6.24 (x)\nBIOS-e820: 00000000000a0000 - 0000000000000000 (usable)", Errors.BootLogInvalid)]
    [InlineData("Linux version 3.10.0-1160.el7.x86_64 (x) #1 SMP", Errors.BootLogKernelUnsupported)]
    [InlineData("Linux version 2.2.26 (x) #1", Errors.BootLogKernelUnsupported)]
    public void Bad_logs_are_refused_with_stable_ids(string log, string id)
    {
        var e = Assert.Throws<KernelVmException>(() => BootLogParser.Parse(log));
        Assert.Equal(id, e.ErrorId);
    }

    [Fact]
    public void Five_and_six_are_6x_two_six_is_2_6_24()
    {
        Assert.Same(KernelProfile.V6, BootLogParser.Parse("Linux version 5.10.0-20-686-pae (x) #1 SMP").Kernel);
        Assert.Same(KernelProfile.V2_6_24, BootLogParser.Parse("Linux version 2.6.32-5-686 (x) #1 SMP").Kernel);
        Assert.Same(KernelProfile.V2_4_22, BootLogParser.Parse("<4>Linux version 2.4.37 (x) #1").Kernel);
    }
}
