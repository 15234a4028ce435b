using System.Collections.Generic;

namespace KernelVm.Paging
{
    /// <summary>
    /// swapper_pg_dir and the tables below it: the kernel's own page tables. Boot builds them as
    /// pagetable_init() does; kmap, kmap_atomic and set_fixmap write PTEs at run time.
    /// </summary>
    public sealed class KernelPageTables
    {
        private readonly Dictionary<ulong, TablePage> _tables = new();

        internal KernelPageTables(PagingGeometry geometry, ulong root)
        {
            Geometry = geometry;
            Root = root;
        }

        public PagingGeometry Geometry { get; }

        /// <summary>The physical address of swapper_pg_dir.</summary>
        public ulong Root { get; }

        /// <summary>Walks the tables for a virtual address, level by level, stopping at a non-present entry or a large page.</summary>
        public IReadOnlyList<WalkStep> Walk(ulong address)
        {
            var steps = new List<WalkStep>(Geometry.Levels.Count);
            var table = Root;
            for (var level = 0; level < Geometry.Levels.Count; level++)
            {
                var info = Geometry.Levels[level];
                var index = info.IndexOf(address);
                var value = Table(table)?[index] ?? 0;
                var isLeaf = level == Geometry.Levels.Count - 1
                    || (info == Geometry.LargePageLevel && (value & (ulong)(PteFlags.PSE | PteFlags.Present)) == (ulong)(PteFlags.PSE | PteFlags.Present));
                steps.Add(new WalkStep(info, index, table, table + (ulong)(index * Geometry.EntrySize), value, isLeaf));
                if ((value & (ulong)PteFlags.Present) == 0 || isLeaf)
                {
                    break;
                }

                table = value & PteValues.FrameMask;
            }

            return steps;
        }

        /// <summary>The physical address a walk ends at, or null when the address is not mapped. Allocates nothing.</summary>
        public ulong? Translate(ulong address)
        {
            var table = Root;
            for (var level = 0; level < Geometry.Levels.Count; level++)
            {
                var info = Geometry.Levels[level];
                var value = Table(table)?[info.IndexOf(address)] ?? 0;
                if ((value & (ulong)PteFlags.Present) == 0)
                {
                    return null;
                }

                var large = info == Geometry.LargePageLevel && (value & (ulong)PteFlags.PSE) != 0;
                if (large || level == Geometry.Levels.Count - 1)
                {
                    return (value & PteValues.FrameMask) + (address & (info.Span - 1));
                }

                table = value & PteValues.FrameMask;
            }

            return null;
        }

        /// <summary>The PTE slot for an address whose tables boot built (pkmap, fixmap): its table and index.</summary>
        internal (TablePage Table, int Index) PteSlot(ulong address)
        {
            var table = Root;
            for (var level = 0; level < Geometry.Levels.Count - 1; level++)
            {
                table = Table(table)![Geometry.Levels[level].IndexOf(address)] & PteValues.FrameMask;
            }

            return (Table(table)!, Geometry.Levels[Geometry.Levels.Count - 1].IndexOf(address));
        }

        /// <summary>
        /// The entries written outside the tables' rules: all of them (what a saved machine must hold),
        /// or only those whose value changed since boot.
        /// </summary>
        internal IEnumerable<(ulong Table, int Level, int Index, ulong Value)> WrittenEntries(bool sinceBoot = false)
        {
            foreach (var table in _tables.Values)
            {
                foreach (var entry in sinceBoot ? table.ChangedSinceBoot() : table.Written)
                {
                    yield return (table.Physical, table.LevelIndex, entry.Key, entry.Value);
                }
            }
        }

        /// <summary>
        /// The first virtual address each table maps, found by walking down from the root through
        /// present table entries (not through leaves, so the direct map's PTE pages are not read).
        /// </summary>
        internal Dictionary<ulong, ulong> VirtualBases()
        {
            var bases = new Dictionary<ulong, ulong> { [Root] = 0 };
            var pending = new Stack<(ulong Table, int Level, ulong Base)>();
            pending.Push((Root, 0, 0));
            while (pending.Count > 0)
            {
                var (physical, level, start) = pending.Pop();
                var info = Geometry.Levels[level];
                if (level == Geometry.Levels.Count - 1 || Table(physical) is not { } table)
                {
                    continue;
                }

                for (var i = 0; i < info.Entries; i++)
                {
                    var value = table[i];
                    var large = info == Geometry.LargePageLevel && (value & (ulong)PteFlags.PSE) != 0;
                    var child = value & PteValues.FrameMask;
                    if ((value & (ulong)PteFlags.Present) == 0 || large || Table(child) is null || bases.ContainsKey(child))
                    {
                        continue;
                    }

                    var childBase = Canonical(start + ((ulong)i << info.Shift));
                    bases[child] = childBase;
                    pending.Push((child, level + 1, childBase));
                }
            }

            return bases;
        }

        /// <summary>4-level paging sign-extends bit 47 (the kernel half starts at 0xFFFF800000000000).</summary>
        private ulong Canonical(ulong address) =>
            Geometry.Levels.Count == 4 && (address & (1UL << 47)) != 0 ? address | 0xFFFF000000000000 : address;

        /// <summary>Boot is over: what is written from now on is a change since boot.</summary>
        internal void MarkBooted()
        {
            foreach (var table in _tables.Values)
            {
                table.MarkBooted();
            }
        }

        internal TablePage AddTable(ulong physical, int levelIndex, System.Func<int, ulong>? rule = null)
        {
            var page = new TablePage(physical, levelIndex, rule);
            _tables[physical] = page;
            return page;
        }

        internal TablePage? Table(ulong physical) => _tables.TryGetValue(physical, out var page) ? page : null;
    }
}
