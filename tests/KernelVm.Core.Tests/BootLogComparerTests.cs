using System.Collections.Generic;
using System.Linq;
using KernelVm.BootLogs;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm.Core.Tests;

/// <summary>Holding a real log against the model's, line by line by kind.</summary>
public sealed class BootLogComparerTests
{
    private static IReadOnlyList<BootLineComparison> Compare(string real, params string[] model) =>
        BootLogComparer.Compare(BootLogParser.Parse(real), model.Select(t => new BootMessage(PrintkLevel.Info, t)).ToList(), KernelProfile.V2_6_24);

    private static IReadOnlyList<BootLineComparison> CompareWithTwin(string name)
    {
        var facts = BootLogParser.Parse(RealLogs.Read(name));
        var m = Machine.Boot(BootLogTwin.From(facts, "twin").Config);
        return BootLogComparer.Compare(facts, m.BootLog, m.Kernel);
    }

    [Fact]
    public void Lines_pair_by_kind_in_the_real_order()
    {
        var rows = Compare(
            "[    0.000000] Linux version 2.6.24 (x) #1 SMP\n" +
            "[    0.000000] 896MB LOWMEM available.\n" +
            "[    0.000000]   DMA             0 ->     4096\n" +
            "[    0.000000]   Normal       4096 ->   229376\n",
            "  Normal       4096 ->   229000", "  DMA 0 -> 4096", "896MB LOWMEM available.");
        Assert.Equal(new[] { LineStatus.NotModelled, LineStatus.Match, LineStatus.Match, LineStatus.Differs }, rows.Select(r => r.Status));
        Assert.Equal(new int?[] { 1, 2, 3, 4 }, rows.Select(r => r.LineNumber));
        var differs = rows[3];
        Assert.Equal("Zone PFN range: Normal", differs.Kind);
        Assert.Equal("  Normal       4096 ->   229376", differs.RealText);
        Assert.Equal("  Normal       4096 ->   229000", differs.ModelText);
        Assert.Null(rows[0].Kind);
    }

    [Fact]
    public void Repeated_kinds_pair_in_order_and_extra_real_ones_differ()
    {
        var rows = Compare(
            "Linux version 6.1.0 (x) #1 SMP\n" +
            "  node   0: [mem 0x0000000000001000-0x000000000009efff]\n" +
            "  node   0: [mem 0x0000000000100000-0x000000007ffdffff]\n",
            "  node   0: [mem 0x0000000000001000-0x000000000009efff]");
        Assert.Equal(("node 0 range 1", LineStatus.Match), (rows[1].Kind, rows[1].Status));
        Assert.Equal(("node 0 range extra 2", LineStatus.Differs), (rows[2].Kind, rows[2].Status));
        Assert.Null(rows[2].ModelText);
    }

    [Fact]
    public void Equal_lines_of_a_repeated_kind_pair_across_an_extra_one()
    {
        // A KVM guest's 6.18 log: an early last_pfn line from the hypervisor setup, then e820__end_of_ram_pfn()'s and e820__end_of_low_ram_pfn()'s.
        var rows = Compare(
            "Linux version 6.18.0 (x) #1 SMP\n" +
            "last_pfn = 0xc0000 max_arch_pfn = 0x400000000\n" +
            "last_pfn = 0x640000 max_arch_pfn = 0x400000000\n" +
            "last_pfn = 0xc0000 max_arch_pfn = 0x400000000\n",
            "last_pfn = 0x640000 max_arch_pfn = 0x400000000", "last_pfn = 0xc0000 max_arch_pfn = 0x400000000");
        Assert.Equal(new[] { LineStatus.Differs, LineStatus.Match, LineStatus.Match }, rows.Skip(1).Select(r => r.Status));
        Assert.Null(rows[1].ModelText);
    }

    [Fact]
    public void A_model_line_the_log_lacks_is_Missing_unless_lines_were_left_out_there()
    {
        var model = new[] { "896MB LOWMEM available.", "Zone PFN ranges:", "  DMA             0 ->     4096" };
        var whole = Compare("Linux version 2.6.24 (x)\n896MB LOWMEM available.\n  DMA             0 ->     4096\n", model);
        var missing = Assert.Single(whole, r => r.Status == LineStatus.Missing);
        Assert.Equal("Zone PFN ranges:", missing.ModelText);
        Assert.Null(missing.LineNumber);
        Assert.Equal(LineStatus.Missing, whole[2].Status); // after the LOWMEM line it follows in the model

        var cut = Compare("Linux version 2.6.24 (x)\n896MB LOWMEM available.\n[... lines omitted ...]\n  DMA             0 ->     4096\n", model);
        Assert.DoesNotContain(cut, r => r.Status == LineStatus.Missing);
    }

    [Fact]
    public void The_2_6_24_logs_match_their_twins_layout_and_lowmem_zones()
    {
        foreach (var name in new[] { RealLogs.Hardy, RealLogs.HardyServer })
        {
            var rows = CompareWithTwin(name);
            foreach (var kind in new[] { "fixmap layout", "pkmap layout", "vmalloc layout", "lowmem layout", ".init layout", ".data layout", ".text layout",
                                         "LOWMEM available", "Zone PFN range: DMA", "Zone PFN range: Normal", "DMA zone: pages used for memmap",
                                         "Normal zone: pages used for memmap", "Normal zone: pages, LIFO batch" })
            {
                Assert.Equal(LineStatus.Match, rows.Single(r => r.Kind == kind).Status);
            }

            Assert.DoesNotContain(rows, r => r.Status == LineStatus.Missing);
        }

        Assert.Equal(LineStatus.Match, CompareWithTwin(RealLogs.Hardy).Single(r => r.Kind == "HIGHMEM available").Status);
    }

    [Fact]
    public void Lines_of_kinds_the_model_never_prints_are_NotModelled()
    {
        var rows = CompareWithTwin(RealLogs.Hardy);
        Assert.Equal(LineStatus.NotModelled, rows.Single(r => r.RealText!.StartsWith("found SMP MP-table")).Status);
        var real = rows.Where(r => r.Status != LineStatus.Missing).Select(r => r.LineNumber).ToList();
        Assert.Equal(real.Count, real.Distinct().Count());
        Assert.Equal(real.OrderBy(n => n), real);
    }

    [Theory]
    [InlineData("6.1.0-2-686-pae", true)]
    [InlineData("6.9.12", true)]
    [InlineData("6.14.0-37-generic", false)]
    public void Total_pages_of_a_kernel_before_6_10_is_explained(string release, bool explained)
    {
        var facts = BootLogParser.Parse("Linux version " + release + " (x) #1 SMP\nBuilt 1 zonelists, mobility grouping on.  Total pages: 515808\n");
        var model = new[] { new BootMessage(PrintkLevel.Info, "Built 1 zonelists, mobility grouping on.  Total pages: 524158") };
        var row = BootLogComparer.Compare(facts, model, KernelProfile.V6)[1];
        Assert.Equal(LineStatus.Differs, row.Status);
        Assert.Equal(explained, row.Reason?.Contains("v6.10") == true);
        Assert.Null(BootLogComparer.Compare(facts, model, KernelProfile.V2_6_24)[1].Reason);
    }

    [Fact]
    public void A_difference_a_kernel_change_explains_has_its_reason()
    {
        var rows = CompareWithTwin(RealLogs.Toshiba61Pae);
        var highmem = rows.Single(r => r.Kind == "HIGHMEM available");
        Assert.Equal(LineStatus.Differs, highmem.Status);
        Assert.Contains("bbeb69ce3013", highmem.Reason);
        Assert.Equal(LineStatus.Match, rows.Single(r => r.Kind == "LOWMEM available").Status); // 879 MB: NR_CPUS 32, PAE
        Assert.All(CompareWithTwin(RealLogs.Hardy).Where(r => r.Kind != "Memory"), r => Assert.Null(r.Reason));
    }

    [Fact]
    public void A_memory_line_that_differs_only_in_what_the_log_does_not_state_says_so()
    {
        // 2.4 prints no layout: the twin takes code, data and init from the Memory: line itself.
        var memory = CompareWithTwin(RealLogs.Old24).Single(r => r.Kind == "Memory");
        Assert.Equal(LineStatus.Differs, memory.Status);
        Assert.Contains("(1374k kernel code, ", memory.ModelText);
        Assert.Contains("k reserved, 388k data, 244k init, 130992k highmem)", memory.ModelText);
        Assert.Contains("initrd", memory.Reason);

        var hardy = CompareWithTwin(RealLogs.Hardy).Single(r => r.Kind == "Memory");
        Assert.Contains("initrd", hardy.Reason);
    }
}
