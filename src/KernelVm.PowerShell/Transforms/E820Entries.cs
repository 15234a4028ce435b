using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;
using KernelVm.Physical;

namespace KernelVm.PowerShell.Transforms
{
    /// <summary>
    /// Reads a BIOS memory map as people have it: E820Entry objects, @{ Start; Size; Type } tables, or
    /// text, one entry per line or comma-separated: '0x100000-0x4ffaffff usable' (the end is the last
    /// byte, as 6.x prints it), the lines of a dmesg ('BIOS-e820: [mem 0x...-0x...] usable', or 2.x's
    /// ' BIOS-e820: 0000000000100000 - 000000004ffb0000 (usable)', whose end is the first byte after).
    /// </summary>
    internal static class E820Entries
    {
        // 2.x: " BIOS-e820: <hex> - <hex> (<type>)", end exclusive, digits without 0x; any "who:" prefix (user:, limit_regions start:).
        private static readonly Regex Old = new(@"^(?:[A-Za-z][\w -]*:\s*)?([0-9a-fA-F]+)\s+-\s+([0-9a-fA-F]+)\s+\((.+)\)$", RegexOptions.CultureInvariant);

        // 6.x and the short form: "[mem <start>-<end>] <type>" or "<start>-<end> <type>", end inclusive; any "who:" prefix (reserve setup_data:, user:).
        private static readonly Regex Inclusive = new(@"^(?:[A-Za-z][\w -]*:\s*)?\[?(?:mem\s+)?([^\s\-\]]+)\s*-\s*([^\s\]]+)\]?\s+(.+)$", RegexOptions.CultureInvariant);

        // A dmesg timestamp "[    0.000000] ".
        private static readonly Regex Timestamp = new(@"^\[\s*\d+\.\d+\]\s*", RegexOptions.CultureInvariant);

        /// <summary>The entries, or null with the item that could not be read; an empty list means no map.</summary>
        internal static E820Entry[]? TryRead(object? input, out object? unreadable)
        {
            unreadable = null;
            var items = input is PSObject { BaseObject: var b } ? b : input;
            var list = new List<E820Entry>();
            foreach (var item in items is IEnumerable e and not string and not IDictionary ? e : new[] { items })
            {
                var value = item is PSObject { BaseObject: not PSCustomObject } pso ? pso.BaseObject : item;
                var parts = value is string text ? text.Split(new[] { ',', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries) : new[] { value };
                foreach (var part in parts)
                {
                    var line = part is string s ? Timestamp.Replace(s.Trim(), "") : null;
                    if (line is { Length: 0 } || line == "BIOS-provided physical RAM map:")
                    {
                        continue;
                    }

                    var entry = line is null ? ToEntry(part) : Parse(line);
                    if (entry is null)
                    {
                        unreadable = part;
                        return null;
                    }

                    list.Add(entry);
                }
            }

            return list.ToArray();
        }

        internal static string Message(object? item) =>
            "Cannot read '" + (item ?? "$null") + "' as an e820 entry. Write it as '0x100000-0x4ffaffff usable' (last byte inclusive), " +
            "paste a dmesg line ('BIOS-e820: [mem 0x0000000000100000-0x000000004ffaffff] usable' or ' BIOS-e820: 0000000000100000 - 000000004ffb0000 (usable)'), " +
            "or give @{ Start = 0x100000; Size = 0x4feb0000; Type = 'Ram' }. Types: usable, reserved, ACPI data, ACPI NVS, unusable, or a number.";

        /// <summary>The map as E820 shows it and -E820 reads it back: '0x0-0x9fbff usable,...'.</summary>
        internal static string Format(IEnumerable<E820Entry> map)
        {
            var parts = new List<string>();
            foreach (var entry in map)
            {
                parts.Add(string.Format(CultureInfo.InvariantCulture, "0x{0:x}-0x{1:x} {2}", entry.Start, entry.End - 1, E820Map.TypeName(entry.Type)));
            }

            return string.Join(",", parts);
        }

        private static E820Entry? ToEntry(object? item)
        {
            switch (item)
            {
                case E820Entry entry:
                    return entry;
                case IDictionary map when map.Contains("Start") && map.Contains("Size") && map.Contains("Type"):
                    return AddressTransformationAttribute.TryConvert(map["Start"], out var start) && AddressTransformationAttribute.TryConvert(map["Size"], out var size)
                        && TypeOf(map["Type"] is PSObject p ? p.BaseObject : map["Type"]) is { } type
                        ? new E820Entry(start, size, type)
                        : null;
                default:
                    return null;
            }
        }

        private static E820Entry? Parse(string line)
        {
            if (Old.Match(line) is { Success: true } old)
            {
                return ulong.TryParse(old.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var start)
                    && ulong.TryParse(old.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var end)
                    && end > start && TypeOf(old.Groups[3].Value) is { } type
                    ? new E820Entry(start, end - start, type)
                    : null;
            }

            if (Inclusive.Match(line) is { Success: true } m
                && AddressTransformationAttribute.TryConvert(m.Groups[1].Value, out var first)
                && AddressTransformationAttribute.TryConvert(m.Groups[2].Value, out var last)
                && last >= first && last < ulong.MaxValue && TypeOf(m.Groups[3].Value) is { } kind)
            {
                return new E820Entry(first, last - first + 1, kind);
            }

            return null;
        }

        /// <summary>A type as the kernels print it ("usable", "ACPI data", "type 12"), by the model's name (Ram, Acpi), or by number.</summary>
        private static E820Type? TypeOf(object? value)
        {
            switch (value)
            {
                case E820Type type:
                    return type;
                case int or uint or long or ulong:
                    return (E820Type)Convert.ToUInt32(value, CultureInfo.InvariantCulture);
                case string text:
                    var t = text.Trim();
                    return E820Map.TypeOfName(t)
                        ?? (uint.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? (E820Type)number
                        : Enum.TryParse<E820Type>(t, true, out var named) && Enum.IsDefined(typeof(E820Type), named) ? named : null);
                default:
                    return null;
            }
        }
    }
}
