using System.IO;
using System.Linq;
using System.Xml;
using KernelVm.Picture;
using KernelVm.Profiles;

namespace KernelVm.Core.Tests;

/// <summary>The pictures of a layout: the row scale, the SVG and the console text against the model's state.</summary>
public sealed class LayoutPictureTests
{
    private const ulong GiB = 1UL << 30;

    private static Machine Boot(Architecture arch = Architecture.X86, ulong memory = 2 * GiB, KernelProfile? kernel = null) =>
        Machine.Boot(new MachineConfig { Architecture = arch, MemorySize = memory, Kernel = kernel ?? KernelProfile.V2_6_24 });

    private static byte[] Svg(Machine m)
    {
        using var stream = new MemoryStream();
        LayoutSvg.Write(LayoutSnapshot.Of(m), stream);
        return stream.ToArray();
    }

    private static (XmlDocument Document, XmlNamespaceManager Names) Parse(byte[] svg)
    {
        var document = new XmlDocument { XmlResolver = null };
        document.Load(new MemoryStream(svg));
        var names = new XmlNamespaceManager(document.NameTable);
        names.AddNamespace("svg", "http://www.w3.org/2000/svg");
        return (document, names);
    }

    [Theory]
    [InlineData(Architecture.X86)]
    [InlineData(Architecture.X86Pae)]
    [InlineData(Architecture.X86_64)]
    public void Rows_grow_with_size_never_shrink_below_the_minimum_and_fit(Architecture arch)
    {
        var regions = Boot(arch).Layout.Regions;
        var heights = LayoutScale.Heights(regions, 32, 7, 1100);
        Assert.All(heights, h => Assert.True(h >= 32));
        Assert.True(heights.Sum() <= 1100 + regions.Count, "the rows fit, give or take a rounded pixel each");
        var bySize = regions.Select((r, i) => (r.Size, Height: heights[i])).OrderBy(x => x.Size).ToList();
        for (var i = 1; i < bySize.Count; i++)
        {
            Assert.True(bySize[i].Height >= bySize[i - 1].Height);
        }
    }

    [Fact]
    public void Each_doubling_adds_the_same_height_while_there_is_room()
    {
        var regions = Boot().Layout.Regions;
        var heights = LayoutScale.Heights(regions, 32, 7, 10000);
        var user = regions.Select((r, i) => (r, i)).Single(x => x.r.Name == "user");
        var hole = regions.Select((r, i) => (r, i)).Single(x => x.r.Name == "FIX_HOLE");
        Assert.Equal(32, heights[hole.i]);                       // one page: no doubling
        Assert.Equal(32 + System.Math.Round(7 * 19.58, 0), heights[user.i]); // 3 GiB = 786432 pages = 2^19.58
    }

    [Fact]
    public void The_svg_is_well_formed_deterministic_and_holds_the_pkmap_and_fixmap_states()
    {
        var m = Boot();
        foreach (var pfn in new ulong[] { 0x40000, 0x40001, 0x40002 })
        {
            m.Kmap(null, pfn);
        }

        m.Kmap("second", 0x40001);
        m.Kunmap(null, 0x40000);
        m.SetFixmap(m.FixmapIndex("FIX_EARLYCON_MEM_BASE"), 0xFED00000, noCache: true);
        var svg = Svg(m);
        Assert.Equal(svg, Svg(m));
        var (document, names) = Parse(svg);
        var slots = document.SelectNodes("//svg:rect[@data-slot]", names)!.Cast<XmlElement>().ToList();
        Assert.Equal(m.Pkmap!.LastPkmap, slots.Count);
        foreach (var slot in slots)
        {
            var count = m.Pkmap.Count(int.Parse(slot.GetAttribute("data-slot")));
            Assert.Equal(count.ToString(), slot.GetAttribute("data-count"));
            Assert.Equal(count == 0 ? "free" : count == 1 ? "stale" : "in-use", slot.GetAttribute("data-state"));
        }

        Assert.Equal(new[] { "stale", "in-use", "in-use" }, slots.Skip(1).Take(3).Select(s => s.GetAttribute("data-state")));
        var set = document.SelectNodes("//svg:rect[@data-index and @data-state='set']", names)!.Cast<XmlElement>().Select(e => e.GetAttribute("data-name"));
        Assert.Equal(new[] { "FIX_EARLYCON_MEM_BASE" }, set);
        Assert.Equal(m.Fixmaps.EndOfFixed, document.SelectNodes("//svg:rect[@data-index]", names)!.Count);
    }

    [Fact]
    public void The_svg_of_x86_64_draws_its_holes_and_no_pkmap()
    {
        var m = Boot(Architecture.X86_64, 8 * GiB);
        var (document, names) = Parse(Svg(m));
        Assert.Equal(m.Layout.Regions.Count, document.SelectNodes("//svg:g[@data-kind]", names)!.Count);
        Assert.Equal(0, document.SelectNodes("//svg:rect[@data-slot]", names)!.Count);
        var noncanonical = (XmlElement)document.SelectSingleNode("//svg:g[@data-name='non-canonical']", names)!;
        Assert.Equal("0x0000800000000000", noncanonical.GetAttribute("data-start"));
        Assert.Equal("0xFFFF7FFFFFFFFFFF", noncanonical.GetAttribute("data-last"));
    }

    [Fact]
    public void The_console_text_is_ascii_with_a_strip_of_the_pkmap_counts()
    {
        var m = Boot();
        m.Kmap(null, 0x40000);
        m.Kmap(null, 0x40001);
        m.Kunmap(null, 0x40000);
        var lines = LayoutText.Lines(LayoutSnapshot.Of(m)).Select(l => string.Concat(l.Select(s => s.Text))).ToList();
        Assert.All(lines, l => Assert.True(l.All(c => c >= ' ' && c < 127), l));
        Assert.Equal("     0 .~1" + new string('.', 61), lines.First(l => l.StartsWith("     0 .")));
        Assert.Equal(16, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d+ [.~1-9+]{64}$")));
        Assert.Contains("  0xC0000000-0xF7FFFFFF     896 MiB  direct map", lines);
    }

    [Theory]
    [InlineData(4096UL, "4 KiB")]
    [InlineData(0x06FFE000UL, "~ 112 MiB")]
    [InlineData(0x003DE000UL, "3960 KiB")]
    [InlineData(0xFFFF000000000000UL, "~ 16 EiB")]
    [InlineData(0x1CFF80000000UL, "~ 29 TiB")]
    public void Sizes_read_exactly_when_short_and_approximately_when_long(ulong bytes, string text) =>
        Assert.Equal(text, SizeText.Readable(bytes, "~"));
}
