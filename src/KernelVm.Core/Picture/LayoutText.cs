using System.Collections.Generic;
using System.Globalization;
using KernelVm.Highmem;
using KernelVm.Layout;

namespace KernelVm.Picture
{
    /// <summary>
    /// A <see cref="LayoutSnapshot"/> as lines of text for a console: one line per region, top of the
    /// address space first as mem_init() prints it, then the pkmap slots as a strip of one character per
    /// slot and the fixmap indices as set and unset marks. Only ASCII, so that any console code page shows it.
    /// </summary>
    public static class LayoutText
    {
        /// <summary>Slots or indices per line of a strip.</summary>
        public const int StripWidth = 64;

        public static IReadOnlyList<IReadOnlyList<TextSpan>> Lines(LayoutSnapshot s)
        {
            var lines = new List<IReadOnlyList<TextSpan>>();
            lines.Add(new[] { new TextSpan("Machine " + s.MachineName + ": " + s.Summary, TextStyle.Heading) });
            var digits = s.Is64Bit ? 16 : 8;
            for (var i = s.Regions.Count - 1; i >= 0; i--)
            {
                var r = s.Regions[i];
                lines.Add(new[]
                {
                    new TextSpan("  " + Hex(r.Start, digits) + "-" + Hex(r.Last, digits) + " " + SizeText.Readable(r.Size, "~").PadLeft(11) + "  ", TextStyle.Plain),
                    new TextSpan(r.Name, StyleOf(r.Kind)),
                });
            }

            lines.Add(new TextSpan[0]);
            AddPkmap(s, lines);
            lines.Add(new TextSpan[0]);
            AddFixmap(s, lines);
            return lines;
        }

        private static void AddPkmap(LayoutSnapshot s, List<IReadOnlyList<TextSpan>> lines)
        {
            if (s.PkmapCounts is not { } counts)
            {
                lines.Add(new[] { new TextSpan(s.Is64Bit ? "No pkmap: x86-64 has no high memory." : "No pkmap: no CONFIG_HIGHMEM.", TextStyle.Heading) });
                return;
            }

            var free = 0;
            var stale = 0;
            foreach (var count in counts)
            {
                free += count == 0 ? 1 : 0;
                stale += count == 1 ? 1 : 0;
            }

            lines.Add(new[]
            {
                new TextSpan("pkmap_count[]: " + counts.Count + " slots from PKMAP_BASE " + Hex(s.PkmapBase, 8) + ": "
                    + (counts.Count - free - stale) + " in use, " + stale + " stale, " + free + " free; last_pkmap_nr " + s.LastPkmapNr, TextStyle.Heading),
            });
            lines.Add(new[]
            {
                new TextSpan("  ", TextStyle.Plain), new TextSpan(".", TextStyle.Free), new TextSpan(" free  ", TextStyle.Dim),
                new TextSpan("~", TextStyle.Stale), new TextSpan(" stale (unused, awaits flush_all_zero_pkmaps)  ", TextStyle.Dim),
                new TextSpan("1-9", TextStyle.InUse), new TextSpan(" users  ", TextStyle.Dim),
                new TextSpan("+", TextStyle.InUse), new TextSpan(" more", TextStyle.Dim),
            });
            for (var start = 0; start < counts.Count; start += StripWidth)
            {
                var line = new List<TextSpan> { new TextSpan(Index(start), TextStyle.Dim) };
                for (var slot = start; slot < counts.Count && slot < start + StripWidth; slot++)
                {
                    var count = counts[slot];
                    Append(line, Pkmap.StateOf(count) switch
                    {
                        PkmapSlotState.Free => new TextSpan(".", TextStyle.Free),
                        PkmapSlotState.Stale => new TextSpan("~", TextStyle.Stale),
                        _ => new TextSpan(count - 1 <= 9 ? (count - 1).ToString(CultureInfo.InvariantCulture) : "+", TextStyle.InUse),
                    });
                }

                lines.Add(line);
            }
        }

        private static void AddFixmap(LayoutSnapshot s, List<IReadOnlyList<TextSpan>> lines)
        {
            var set = 0;
            var width = 0;
            foreach (var slot in s.Fixmaps)
            {
                set += slot.Mapped ? 1 : 0;
            }

            foreach (var group in s.FixmapGroups)
            {
                width = System.Math.Max(width, Label(group).Length);
            }

            lines.Add(new[]
            {
                new TextSpan("fixmap: " + s.Fixmaps.Count + " indices down from FIXADDR_TOP " + Hex(s.FixaddrTop, s.Is64Bit ? 16 : 8) + ": " + set + " set"
                    + (s.HasFixmapPtes ? "" : " (the model builds no x86-64 page tables)"), TextStyle.Heading),
            });
            lines.Add(new[]
            {
                new TextSpan("  ", TextStyle.Plain), new TextSpan("#", TextStyle.Set), new TextSpan(" set  ", TextStyle.Dim),
                new TextSpan(".", TextStyle.Free), new TextSpan(" not set", TextStyle.Dim),
            });
            foreach (var group in s.FixmapGroups)
            {
                var label = Label(group);
                var indent = new string(' ', width + 1);

                // A long run gets one line per StripWidth indices; lines with nothing set fold into one.
                var skipped = 0;
                for (var start = 0; start < group.Count; start += StripWidth)
                {
                    var end = System.Math.Min(group.Count, start + StripWidth);
                    var any = false;
                    for (var k = start; k < end; k++)
                    {
                        any |= s.Fixmaps[group.FirstIndex + k].Mapped;
                    }

                    if (start > 0 && !any)
                    {
                        skipped += end - start;
                        continue;
                    }

                    Fold(lines, indent, ref skipped);
                    var line = new List<TextSpan> { new TextSpan(start == 0 ? label.PadRight(width + 1) : indent, group.BootTime ? TextStyle.Dim : TextStyle.Plain) };
                    for (var k = start; k < end; k++)
                    {
                        Append(line, s.Fixmaps[group.FirstIndex + k].Mapped ? new TextSpan("#", TextStyle.Set) : new TextSpan(".", TextStyle.Free));
                    }

                    lines.Add(line);
                }

                Fold(lines, indent, ref skipped);
            }
        }

        private static void Fold(List<IReadOnlyList<TextSpan>> lines, string indent, ref int skipped)
        {
            if (skipped > 0)
            {
                lines.Add(new[] { new TextSpan(indent + "... " + skipped + " more, none set", TextStyle.Dim) });
                skipped = 0;
            }
        }

        /// <summary>Adds a character to a line, joining it to the last span when the style is the same.</summary>
        private static void Append(List<TextSpan> line, TextSpan span)
        {
            var last = line[line.Count - 1];
            if (last.Style == span.Style)
            {
                line[line.Count - 1] = new TextSpan(last.Text + span.Text, span.Style);
            }
            else
            {
                line.Add(span);
            }
        }

        private static string Label(FixmapGroup group) => Index(group.FirstIndex) + group.Label + (group.BootTime ? " (boot-time)" : "");

        private static string Index(int value) => "  " + value.ToString(CultureInfo.InvariantCulture).PadLeft(4) + " ";

        private static string Hex(ulong value, int digits) => "0x" + value.ToString("X" + digits, CultureInfo.InvariantCulture);

        private static TextStyle StyleOf(RegionKind kind) => kind switch
        {
            RegionKind.User => TextStyle.User,
            RegionKind.DirectMap or RegionKind.KernelText or RegionKind.Modules or RegionKind.VirtualMemMap => TextStyle.Kernel,
            RegionKind.Vmalloc => TextStyle.Vmalloc,
            RegionKind.Pkmap => TextStyle.Pkmap,
            RegionKind.FixmapPermanent or RegionKind.FixmapBootTime or RegionKind.Ldt or RegionKind.CpuEntryArea => TextStyle.Fixmap,
            _ => TextStyle.Hole,
        };
    }
}
