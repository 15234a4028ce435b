using System;
using System.Collections.Generic;
using System.Linq;

namespace KernelVm.PowerShell
{
    /// <summary>
    /// Compares two snapshots part by part. Items are matched by what names them in the kernel (a
    /// pkmap slot's number, a fixmap's name, a page's pfn, a written entry's level and address), not by
    /// position, so two different machines compare on the parts they share.
    /// </summary>
    internal static class SnapshotComparer
    {
        private sealed class PartRule
        {
            internal PartRule(VmSnapshotPart part, Func<VmSnapshot, IEnumerable<object>> items, string identity, Func<object, string> where, params string[] fields)
            {
                Part = part;
                Items = items;
                Identity = identity;
                Where = where;
                Fields = fields;
            }

            internal VmSnapshotPart Part { get; }

            /// <summary>The property that names an item: what an Added or Removed difference shows.</summary>
            internal string Identity { get; }
            internal Func<VmSnapshot, IEnumerable<object>> Items { get; }
            internal Func<object, string> Where { get; }
            internal string[] Fields { get; }
        }

        private static readonly PartRule[] Rules =
        {
            new(VmSnapshotPart.Layout, s => s.Layout, "Name", o => ((VmLayoutRegion)o).Name, "Start", "Last", "Kind"),
            new(VmSnapshotPart.Pkmap, s => s.Pkmap, "Slot", o => "slot " + ((PkmapSlotInfo)o).Slot, "VirtualAddress", "PkmapCount", "State", "Pfn"),
            new(VmSnapshotPart.Hash, s => s.Hash, "Pfn", o => "pfn " + ((PageAddressMapEntry)o).Pfn, "Bucket", "Position", "Entry", "VirtualAddress"),
            new(VmSnapshotPart.Pages, s => s.Pages, "Pfn", o => "pfn " + ((PageAddressInfo)o).Pfn, "VirtualAddress", "Bucket", "Slot"),
            new(VmSnapshotPart.Fixmap, s => s.Fixmap, "Name", FixmapWhere, "Index", "VirtualAddress", "Pte"),
            new(VmSnapshotPart.PageTables, s => s.PageTables, "VirtualAddress", o => ((PageTableEntryInfo)o).Level + " " + ((PageTableEntryInfo)o).VirtualAddress, "Value"),
            new(VmSnapshotPart.Tlb, s => s.Tlb, "VirtualAddress", o => "cpu " + ((VmTlbEntryInfo)o).Cpu + " " + ((VmTlbEntryInfo)o).VirtualAddress, "Pfn", "Global"),
            new(VmSnapshotPart.Tasks, s => s.Tasks, "Name", o => "task " + ((VmTaskInfo)o).Name, "Cpu", "OnCpu", "State", "WaitingForPfn", "Wakeups", "KmapCtrlIdx", "PagefaultDisabled"),
        };

        /// <summary>The parts both snapshots hold, among those asked for.</summary>
        internal static VmSnapshotPart Shared(VmSnapshot reference, VmSnapshot difference, VmSnapshotPart wanted) =>
            reference.Parts & difference.Parts & wanted;

        internal static IEnumerable<VmSnapshotDifference> Compare(VmSnapshot reference, VmSnapshot difference, VmSnapshotPart wanted)
        {
            var parts = Shared(reference, difference, wanted);
            foreach (var rule in Rules.Where(r => (parts & r.Part) != 0))
            {
                var after = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
                foreach (var item in rule.Items(difference))
                {
                    after[rule.Where(item)] = item;
                }

                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var old in rule.Items(reference))
                {
                    var where = rule.Where(old);
                    seen.Add(where);
                    if (!after.TryGetValue(where, out var now))
                    {
                        yield return new VmSnapshotDifference(rule.Part, where, rule.Identity, VmSnapshotChange.Removed, Value(old, rule.Identity), null);
                        continue;
                    }

                    foreach (var field in rule.Fields)
                    {
                        var a = Value(old, field);
                        var b = Value(now, field);
                        if (!Equals(a, b))
                        {
                            yield return new VmSnapshotDifference(rule.Part, where, field, VmSnapshotChange.Changed, a, b);
                        }
                    }
                }

                foreach (var item in rule.Items(difference))
                {
                    var where = rule.Where(item);
                    if (!seen.Contains(where))
                    {
                        yield return new VmSnapshotDifference(rule.Part, where, rule.Identity, VmSnapshotChange.Added, null, Value(item, rule.Identity));
                    }
                }
            }
        }

        /// <summary>A fixmap's name; the unnamed padding before 6.x's FIX_BTMAP_BEGIN is told apart by index.</summary>
        private static string FixmapWhere(object o) =>
            ((FixmapInfo)o).Name.StartsWith("(", StringComparison.Ordinal) ? ((FixmapInfo)o).Name + " " + ((FixmapInfo)o).Index : ((FixmapInfo)o).Name;

        private static object? Value(object item, string field) => item.GetType().GetProperty(field)!.GetValue(item);
    }
}
