using System.Collections.Generic;
using System.Linq;
using KernelVm.Highmem;
using KernelVm.Physical;

namespace KernelVm.PowerShell
{
    /// <summary>
    /// The records of a machine's parts, as the Get- cmdlets and Get-VmSnapshot write them. Callers
    /// hold kmap_lock (Machine.Read) so that one snapshot is one instant.
    /// </summary>
    internal static class StateReader
    {
        internal static VmSnapshot Snapshot(Machine m, VmSnapshotPart wanted)
        {
            var parts = wanted & Available(m);
            // Each part prints as one line (Format-List, Export-Csv): a count and what it means.
            return new VmSnapshot(m, parts)
            {
                Layout = Take(parts, VmSnapshotPart.Layout, () => m.Layout.Regions.Select(r => new VmLayoutRegion(m, r)),
                    l => l.Count + " regions"),
                Pkmap = Take(parts, VmSnapshotPart.Pkmap, () => PkmapSlots(m)!,
                    l => l.Count + " slots: " + l.Count(s => s.State == PkmapSlotState.InUse) + " in use, " + l.Count(s => s.State == PkmapSlotState.Stale) + " stale"),
                Hash = Take(parts, VmSnapshotPart.Hash, () => m.PageAddressMappings().Select(e => new PageAddressMapEntry(m, e.Bucket, e.Position, e.Entry, e.Pfn, e.Virtual)),
                    l => l.Count + " entries in " + l.Select(e => e.Bucket).Distinct().Count() + " buckets"),
                Pages = Take(parts, VmSnapshotPart.Pages, () => m.PageAddressMappings().OrderBy(e => e.Pfn).Select(e => PageAddress(m, e.Pfn)),
                    l => l.Count + " highmem pages with a kmap address"),
                Fixmap = Take(parts, VmSnapshotPart.Fixmap, () => Enumerable.Range(0, m.Fixmaps.EndOfFixed).Select(i => new FixmapInfo(m, m.Fixmap(i))),
                    l => l.Count + " indices, " + l.Count(f => f.Mapped) + " mapped"),
                PageTables = Take(parts, VmSnapshotPart.PageTables, () => m.WrittenPageTableEntries().Select(e => new PageTableEntryInfo(m, e.Level, e.Virtual, e.Table, e.Index, e.Value)),
                    l => l.Count + " entries changed since boot"),
                Tlb = Take(parts, VmSnapshotPart.Tlb, () => TlbEntries(m, null), l => l.Count + " entries"),
                Tasks = Take(parts, VmSnapshotPart.Tasks, () => m.Tasks.Select(t => new VmTaskInfo(m, t)),
                    l => string.Join(", ", l.Select(t => t.Name + " (" + t.State + ")"))),
            };
        }

        /// <summary>The parts a machine has: pkmaps, their pages and page tables need CONFIG_HIGHMEM on i386; the hash needs 2.6.24 or later.</summary>
        internal static VmSnapshotPart Available(Machine m)
        {
            var parts = VmSnapshotPart.Layout | VmSnapshotPart.Fixmap | VmSnapshotPart.Tlb | VmSnapshotPart.Tasks;
            if (m.PageTables is not null)
            {
                parts |= VmSnapshotPart.PageTables;
            }

            if (m.Pkmap is not null)
            {
                parts |= VmSnapshotPart.Pkmap | VmSnapshotPart.Pages | (m.PageAddressBucket(m.HighStartPfn) >= 0 ? VmSnapshotPart.Hash : 0);
            }

            return parts;
        }

        /// <summary>Every pkmap slot; null without CONFIG_HIGHMEM.</summary>
        internal static List<PkmapSlotInfo>? PkmapSlots(Machine machine)
        {
            var pkmap = machine.Pkmap;
            if (pkmap is null)
            {
                return null;
            }

            var list = new List<PkmapSlotInfo>(pkmap.LastPkmap);
            for (var i = 0; i < pkmap.LastPkmap; i++)
            {
                var pfn = pkmap.PfnAt(i);
                list.Add(new PkmapSlotInfo(machine, i, pkmap.Address(i), pkmap.Count(i), pfn, pfn is { } p ? machine.Memory.PfnToPage(p) : null));
            }

            return list;
        }

        /// <summary>The TLB entries of the CPUs asked for (all when null).</summary>
        internal static List<VmTlbEntryInfo> TlbEntries(Machine m, int[]? cpus)
        {
            var list = new List<VmTlbEntryInfo>();
            for (var cpu = 0; cpu < m.Tlb.Cpus; cpu++)
            {
                if (cpus is null || System.Array.IndexOf(cpus, cpu) >= 0)
                {
                    foreach (var e in m.Tlb.Entries(cpu).OrderBy(e => e.VirtualPage))
                    {
                        list.Add(new VmTlbEntryInfo(m, cpu, e.VirtualPage, e.Pfn, e.Global, m.Translate(e.VirtualPage)));
                    }
                }
            }

            return list;
        }

        /// <summary>page_address() of a page, with the hash bucket and pkmap slot of a highmem page.</summary>
        internal static PageAddressInfo PageAddress(Machine machine, ulong pfn)
        {
            var page = machine.Memory.GetPage(pfn);
            if (!page.Zone.IsHighMem)
            {
                return new PageAddressInfo(machine, pfn, page.Address, false, machine.PageOffset + (pfn << KernelVm.Machine.PageShift), null, null);
            }

            var pkmap = machine.Pkmap!;
            var vaddr = pkmap.PageAddress(pfn);
            var bucket = machine.PageAddressBucket(pfn);
            return new PageAddressInfo(machine, pfn, page.Address, true, vaddr, bucket < 0 ? null : bucket, vaddr == 0 ? null : pkmap.SlotOf(vaddr));
        }

        /// <summary>A part, or an empty list that prints as nothing when the snapshot does not hold it.</summary>
        private static RecordList<T> Take<T>(VmSnapshotPart parts, VmSnapshotPart part, System.Func<IEnumerable<T>> read, System.Func<IList<T>, string> summarize) =>
            (parts & part) != 0 ? new(read(), summarize) : new(Enumerable.Empty<T>(), _ => "");
    }
}
