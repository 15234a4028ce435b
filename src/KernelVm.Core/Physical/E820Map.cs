using System;
using System.Collections.Generic;
using System.Globalization;

namespace KernelVm.Physical
{
    /// <summary>
    /// The BIOS memory map as boot reads it: checked and sorted (sanitize_e820_map() would merge what
    /// the model rejects), its usable pages (find_max_pfn(), e820_register_active_regions(),
    /// e820__memblock_setup()) and the lines each version prints for it.
    /// </summary>
    public static class E820Map
    {
        /// <summary>The 640 KiB - 1 MiB hole: 6.x e820__memory_setup()'s caller removes it from usable RAM.</summary>
        internal const ulong IsaStart = 0xa0000;

        internal const ulong IsaEnd = 0x100000;

        /// <summary>The entries sorted by start, neighbours of one type joined; a zero-sized, wrapping or overlapping entry, or no usable page, is an error.</summary>
        public static IReadOnlyList<E820Entry> Checked(IReadOnlyList<E820Entry> map)
        {
            var sorted = new List<E820Entry>(map);
            sorted.Sort((a, b) => a.Start.CompareTo(b.Start));
            for (var i = 0; i < sorted.Count; i++)
            {
                var entry = sorted[i];
                if (entry.Size == 0)
                {
                    throw Errors.BadE820(entry, Errors.E820EntryEmpty, "it has no size.");
                }

                if (entry.Start + entry.Size < entry.Start)
                {
                    throw Errors.BadE820(entry, Errors.E820EntryBeyondAddressSpace, "it ends past the 64-bit address space.");
                }

                if (i > 0 && sorted[i - 1].End > entry.Start)
                {
                    throw Errors.BadE820(entry, Errors.E820EntriesOverlap, "it overlaps the entry " + Describe(sorted[i - 1]) + ".");
                }
            }

            // sanitize_e820_map() (e820__update_table() in 6.x) joins neighbours of one type before anything reads or prints the map.
            for (var i = sorted.Count - 1; i > 0; i--)
            {
                if (sorted[i - 1].End == sorted[i].Start && sorted[i - 1].Type == sorted[i].Type)
                {
                    sorted[i - 1] = sorted[i - 1] with { Size = sorted[i - 1].Size + sorted[i].Size };
                    sorted.RemoveAt(i);
                }
            }

            if (UsablePfns(sorted).Count == 0)
            {
                throw Errors.E820WithoutRam(sorted.Count);
            }

            return sorted;
        }

        /// <summary>Bytes in the usable (E820_RAM) entries.</summary>
        public static ulong UsableBytes(IReadOnlyList<E820Entry> map)
        {
            ulong total = 0;
            foreach (var entry in map)
            {
                total += entry.Type == E820Type.Ram ? entry.Size : 0;
            }

            return total;
        }

        /// <summary>
        /// The whole pages of each usable entry, [PFN_UP(start), PFN_DOWN(end)): partial pages are not
        /// RAM (find_max_pfn() and e820_register_active_regions(), 2.6.24; e820__memblock_setup() in 6.x).
        /// </summary>
        internal static List<(ulong Start, ulong End)> UsablePfns(IReadOnlyList<E820Entry> map)
        {
            var ranges = new List<(ulong, ulong)>();
            foreach (var entry in map)
            {
                var start = (entry.Start + Machine.PageSize - 1) >> Machine.PageShift;
                var end = entry.End >> Machine.PageShift;
                if (entry.Type == E820Type.Ram && start < end)
                {
                    ranges.Add((start, end));
                }
            }

            return ranges;
        }

        /// <summary>find_max_pfn(): the end of the highest usable range.</summary>
        internal static ulong MaxPfn(IReadOnlyList<(ulong Start, ulong End)> ranges)
        {
            ulong max = 0;
            foreach (var (_, end) in ranges)
            {
                max = System.Math.Max(max, end);
            }

            return max;
        }

        /// <summary>
        /// 6.x's usable ranges once setup_arch() is done with the map: e820__memory_setup() then
        /// trim_bios_range() turns the first page into reserved and removes the ISA hole from usable RAM.
        /// </summary>
        internal static IReadOnlyList<E820Entry> TrimBiosRange(IReadOnlyList<E820Entry> map, ICollection<BootMessage> log)
        {
            var trimmed = Update(map, 0, Machine.PageSize, E820Type.Reserved, log);
            var kept = new List<E820Entry>();
            foreach (var entry in trimmed)
            {
                if (entry.Type != E820Type.Ram || entry.End <= IsaStart || entry.Start >= IsaEnd)
                {
                    kept.Add(entry);
                    continue;
                }

                if (entry.Start < IsaStart)
                {
                    kept.Add(entry with { Size = IsaStart - entry.Start });
                }

                if (entry.End > IsaEnd)
                {
                    kept.Add(new E820Entry(IsaEnd, entry.End - IsaEnd, entry.Type));
                }
            }

            // e820__range_remove() prints the range it was asked to remove, whether or not it held RAM.
            log.Add(new BootMessage(PrintkLevel.Debug, F("e820: remove [mem 0x{0:x8}-0x{1:x8}] usable", IsaStart, IsaEnd - 1)));
            return kept;
        }

        /// <summary>e820__range_update(): the usable part of [start, end) becomes newType.</summary>
        private static IReadOnlyList<E820Entry> Update(IReadOnlyList<E820Entry> map, ulong start, ulong end, E820Type newType, ICollection<BootMessage> log)
        {
            log.Add(new BootMessage(PrintkLevel.Debug, F("e820: update [mem 0x{0:x8}-0x{1:x8}] usable ==> {2}", start, end - 1, Name6(newType))));
            var result = new List<E820Entry>();
            foreach (var entry in map)
            {
                if (entry.Type != E820Type.Ram || entry.End <= start || entry.Start >= end)
                {
                    result.Add(entry);
                    continue;
                }

                if (entry.Start < start)
                {
                    result.Add(entry with { Size = start - entry.Start });
                }

                var from = System.Math.Max(entry.Start, start);
                var to = System.Math.Min(entry.End, end);
                result.Add(new E820Entry(from, to - from, newType));
                if (entry.End > end)
                {
                    result.Add(new E820Entry(end, entry.End - end, entry.Type));
                }
            }

            return result;
        }

        /// <summary>
        /// "BIOS-provided physical RAM map:" and one line per entry: print_memory_map() of 2.4.22 and
        /// 2.6.24 (" BIOS-e820: start - end (type)", end exclusive, no level) or 6.x e820__print_table()
        /// ("BIOS-e820: [mem start-end] type", end inclusive, pr_info).
        /// </summary>
        internal static void Print(IReadOnlyList<E820Entry> map, bool memFormat, ICollection<BootMessage> log, string header = "BIOS-provided physical RAM map:", string who = "BIOS-e820")
        {
            if (header.Length > 0)
            {
                log.Add(new BootMessage(PrintkLevel.Info, header));
            }

            foreach (var entry in map)
            {
                log.Add(memFormat
                    ? new BootMessage(PrintkLevel.Info, F("{0}: [mem 0x{1:x16}-0x{2:x16}] {3}", who, entry.Start, entry.End - 1, Name6(entry.Type)))
                    : BootMessage.Unleveled(F(" {0}: {1:x16} - {2:x16} ({3})", who, entry.Start, entry.End, Name2(entry.Type))));
            }
        }

        /// <summary>
        /// mem=: 2.4.22 limit_regions() cuts the first usable entry that reaches the limit and drops the
        /// rest; 2.6.24's also skips entries that end below it or are not RAM, and prints the map before
        /// and after; 6.x removes the usable RAM above it (e820__range_remove()). Each then prints the
        /// "user-defined physical RAM map".
        /// </summary>
        internal static IReadOnlyList<E820Entry> LimitRegions(IReadOnlyList<E820Entry> map, ulong limit, Profiles.ZoneInitStyle style, ICollection<BootMessage> log)
        {
            var modern = style == Profiles.ZoneInitStyle.FreeAreaInit6;
            var result = new List<E820Entry>();
            if (modern)
            {
                log.Add(new BootMessage(PrintkLevel.Debug, F("e820: remove [mem 0x{0:x8}-0x{1:x8}] usable", limit, ulong.MaxValue - 1)));
                foreach (var entry in map)
                {
                    if (entry.Type != E820Type.Ram || entry.End <= limit)
                    {
                        result.Add(entry);
                    }
                    else if (entry.Start < limit)
                    {
                        result.Add(entry with { Size = limit - entry.Start });
                    }
                }
            }
            else
            {
                var old = style == Profiles.ZoneInitStyle.FreeAreaInit24;
                if (!old)
                {
                    Print(map, false, log, "", "limit_regions start");
                }

                var done = false;
                foreach (var entry in map)
                {
                    if (done)
                    {
                        break;
                    }

                    if (entry.Type != E820Type.Ram || entry.End < limit)
                    {
                        result.Add(entry);
                        continue;
                    }

                    done = true;
                    if (entry.Start < limit)
                    {
                        result.Add(entry with { Size = limit - entry.Start });
                    }
                    else if (old)
                    {
                        // size -= end - limit would wrap: 2.4.22 leaves a corrupt map behind.
                        throw Errors.BadBootOption("mem=", limit, "2.4.22's limit_regions() cuts the first usable entry that reaches it, and the one at 0x"
                            + entry.Start.ToString("x", CultureInfo.InvariantCulture) + " starts above it: its size would wrap.");
                    }
                }

                if (!old)
                {
                    Print(result, false, log, "", done ? "limit_regions endfor" : "limit_regions endfunc");
                }
            }

            Print(result, modern, log, "user-defined physical RAM map:", "user");
            return result;
        }

        /// <summary>e820__end_of_ram_pfn()'s line: the last usable pfn and MAX_ARCH_PFN (6.x).</summary>
        internal static void PrintLastPfn(ulong lastPfn, ulong maxArchPfn, ICollection<BootMessage> log) =>
            log.Add(new BootMessage(PrintkLevel.Info, F("last_pfn = 0x{0:x} max_arch_pfn = 0x{1:x}", lastPfn, maxArchPfn)));

        /// <summary>print_memory_map()'s type names (2.4.22 and 2.6.24 know only the first four types).</summary>
        private static string Name2(E820Type type) => type switch
        {
            E820Type.Ram => "usable",
            E820Type.Reserved => "reserved",
            E820Type.Acpi => "ACPI data",
            E820Type.Nvs => "ACPI NVS",
            _ => "type " + ((uint)type).ToString(CultureInfo.InvariantCulture),
        };

        /// <summary>The name 6.x prints for a type, which also reads back through <see cref="TypeOfName"/>.</summary>
        public static string TypeName(E820Type type) => Name6(type);

        /// <summary>
        /// A type by the name either version prints for it ("usable", "ACPI data", "type 12",
        /// "persistent (type 7)"), in any case; null for another name.
        /// </summary>
        public static E820Type? TypeOfName(string name)
        {
            var text = name.Trim();
            foreach (E820Type type in Enum.GetValues(typeof(E820Type)))
            {
                if (string.Equals(Name6(type), text, StringComparison.OrdinalIgnoreCase))
                {
                    return type;
                }
            }

            var numbered = NumberedType.Match(text);
            return numbered.Success && uint.TryParse(numbered.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? (E820Type)number : null;
        }

        private static readonly System.Text.RegularExpressions.Regex NumberedType =
            new(@"^(?:persistent \()?type (\d+)\)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        /// <summary>e820_print_type() (6.x arch/x86/kernel/e820.c).</summary>
        private static string Name6(E820Type type) => type switch
        {
            E820Type.Ram => "usable",
            E820Type.Reserved => "reserved",
            E820Type.SoftReserved => "soft reserved",
            E820Type.Acpi => "ACPI data",
            E820Type.Nvs => "ACPI NVS",
            E820Type.Unusable => "unusable",
            E820Type.Pmem or E820Type.Pram => "persistent (type " + ((uint)type).ToString(CultureInfo.InvariantCulture) + ")",
            _ => "type " + ((uint)type).ToString(CultureInfo.InvariantCulture),
        };

        internal static string Describe(E820Entry entry) => F("at 0x{0:x} of 0x{1:x} bytes ({2})", entry.Start, entry.Size, Name6(entry.Type));

        private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
