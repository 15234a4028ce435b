using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using KernelVm.Physical;

namespace KernelVm.PowerShell.Transforms
{
    /// <summary>
    /// Reads NUMA node ranges as people write them: '0-2GB', '0x80000000-0x100000000',
    /// '0-2GB,2GB-4GB' (as Get-VmMachine exports them) or @{ Start = 0; End = 2GB }. Each end is read as an address or size.
    /// </summary>
    internal static class NodeRanges
    {
        /// <summary>The ranges, or null with the item that could not be read.</summary>
        internal static NodeRange[]? TryRead(object? input, out object? unreadable)
        {
            unreadable = null;
            var items = input is PSObject { BaseObject: var b } ? b : input;
            var list = new List<NodeRange>();
            foreach (var item in items is IEnumerable e and not string and not IDictionary ? e : new[] { items })
            {
                // A PSCustomObject's base object has no text: keep the PSObject to report it.
                var value = item is PSObject { BaseObject: not PSCustomObject } pso ? pso.BaseObject : item;
                // One CSV cell holds them all: '0x0-0x80000000,0x80000000-0x100000000'; an empty cell is UMA.
                var parts = value is string text ? text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries) : new[] { value };
                foreach (var part in parts)
                {
                    if (part is string blank && blank.Trim().Length == 0)
                    {
                        continue;
                    }

                    var range = ToRange(part is string s ? s.Trim() : part);
                    if (range is null)
                    {
                        unreadable = part;
                        return null;
                    }

                    list.Add(range);
                }
            }

            return list.ToArray();
        }

        internal static string Message(object? item) =>
            "Cannot read '" + (item ?? "$null") + "' as a node range. Write it as '0-2GB', '0x80000000-0x100000000' or @{ Start = 0; End = 2GB }.";

        private static NodeRange? ToRange(object? item)
        {
            object? start = null, end = null;
            switch (item)
            {
                case NodeRange range:
                    return range;
                case IDictionary map when map.Contains("Start") && map.Contains("End"):
                    (start, end) = (map["Start"], map["End"]);
                    break;
                case string { Length: > 1 } text when text.IndexOf('-', 1) is var dash and > 0:
                    (start, end) = (text.Substring(0, dash), text.Substring(dash + 1));
                    break;
                default:
                    return null;
            }

            return AddressTransformationAttribute.TryConvert(start, out var first) && AddressTransformationAttribute.TryConvert(end, out var last)
                ? new NodeRange(first, last)
                : null;
        }
    }
}
