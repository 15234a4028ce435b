using System;
using System.Collections.Generic;

namespace KernelVm.Paging
{
    /// <summary>
    /// swapper_pg_dir and the tables below it: the kernel's own page tables. Boot builds them as
    /// pagetable_init() (i386) or head_64.S and init_memory_mapping() (x86-64) do; kmap, kmap_atomic
    /// and set_fixmap write PTEs at run time.
    /// </summary>
    public sealed class KernelPageTables
    {
        private readonly Dictionary<ulong, TablePage> _tables = new();
        private readonly List<ComputedRun> _computed = new();

        internal KernelPageTables(PagingGeometry geometry, ulong root)
        {
            Geometry = geometry;
            Root = root;
        }

        public PagingGeometry Geometry { get; }

        /// <summary>The physical address of swapper_pg_dir (init_level4_pgt / init_top_pgt on x86-64).</summary>
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
                var value = Read(table, index) ?? 0;
                var isLeaf = level == Geometry.Levels.Count - 1 || (Geometry.CanMapLarge(level) && IsLarge(value));
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
                var value = Read(table, info.IndexOf(address)) ?? 0;
                if ((value & (ulong)PteFlags.Present) == 0)
                {
                    return null;
                }

                if (level == Geometry.Levels.Count - 1 || (Geometry.CanMapLarge(level) && IsLarge(value)))
                {
                    return (value & PteValues.FrameMask & ~(info.Span - 1)) + (address & (info.Span - 1));
                }

                table = value & PteValues.FrameMask;
            }

            return null;
        }

        /// <summary>The PTE that maps an address now, or 0 when a level above it has no table. Allocates nothing.</summary>
        internal ulong ReadPte(ulong address)
        {
            var table = Root;
            var last = Geometry.Levels.Count - 1;
            for (var level = 0; level < last; level++)
            {
                var value = Read(table, Geometry.Levels[level].IndexOf(address)) ?? 0;
                if ((value & (ulong)PteFlags.Present) == 0 || (Geometry.CanMapLarge(level) && IsLarge(value)))
                {
                    return 0;
                }

                table = value & PteValues.FrameMask;
            }

            return Read(table, Geometry.Levels[last].IndexOf(address)) ?? 0;
        }

        /// <summary>
        /// The PTE slot for an address: its table and index. A missing table below the top level is filled
        /// as x86-64's set_pte_phys() / set_pte_vaddr() do (fill_pmd, fill_pte): a page from
        /// <paramref name="allocate"/> (spp_getpage), entered with <paramref name="tableFlags"/>. Without an
        /// allocator the tables must exist, as i386's pkmap and fixmap tables do from boot.
        /// </summary>
        internal (TablePage Table, int Index) PteSlot(ulong address, Func<ulong>? allocate = null, ulong tableFlags = 0)
        {
            var table = Root;
            for (var level = 0; level < Geometry.Levels.Count - 1; level++)
            {
                var page = Table(table) ?? throw new InvalidOperationException("no page table at " + Errors.Hex(table));
                var index = Geometry.Levels[level].IndexOf(address);
                if ((page[index] & (ulong)PteFlags.Present) == 0)
                {
                    if (allocate is null || level == 0)
                    {
                        throw new InvalidOperationException("boot built no table for " + Errors.Hex(address));
                    }

                    var fresh = allocate();
                    AddTable(fresh);
                    page[index] = fresh | tableFlags;
                }

                table = page[index] & PteValues.FrameMask;
            }

            return (Table(table)!, Geometry.Levels[Geometry.Levels.Count - 1].IndexOf(address));
        }

        /// <summary>
        /// The entries written outside the tables' rules: all of them (what a saved machine must hold),
        /// or only those whose value changed since boot.
        /// </summary>
        internal IEnumerable<(ulong Table, int Index, ulong Value)> WrittenEntries(bool sinceBoot = false)
        {
            foreach (var table in _tables.Values)
            {
                foreach (var entry in sinceBoot ? table.ChangedSinceBoot() : table.Written)
                {
                    yield return (table.Physical, entry.Key, entry.Value);
                }
            }
        }

        /// <summary>
        /// The level and first virtual address of each table that is an object (written, or asked for),
        /// found by walking down from the root through present table entries. Computed tables are not
        /// made objects, so a snapshot of a machine with terabytes of direct map stays small.
        /// </summary>
        internal Dictionary<ulong, (int Level, ulong Base)> VirtualBases()
        {
            var bases = new Dictionary<ulong, (int, ulong)> { [Root] = (0, 0) };
            var pending = new Stack<(ulong Table, int Level, ulong Base)>();
            pending.Push((Root, 0, 0));
            while (pending.Count > 0)
            {
                var (physical, level, start) = pending.Pop();
                var info = Geometry.Levels[level];
                if (level == Geometry.Levels.Count - 1 || !_tables.TryGetValue(physical, out var table))
                {
                    continue;
                }

                for (var i = 0; i < info.Entries; i++)
                {
                    var value = table[i];
                    var child = value & PteValues.FrameMask;
                    if ((value & (ulong)PteFlags.Present) == 0 || (Geometry.CanMapLarge(level) && IsLarge(value))
                        || !_tables.ContainsKey(child) || bases.ContainsKey(child))
                    {
                        continue;
                    }

                    var childBase = Canonical(start + ((ulong)i << info.Shift));
                    bases[child] = (level + 1, childBase);
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

        /// <summary>Whether a table page exists at an address (boot's, or added since), without making a computed one an object.</summary>
        internal bool HasTable(ulong physical) => Read(physical, 0) is not null;

        internal TablePage AddTable(ulong physical, Func<int, ulong>? rule = null)
        {
            var page = new TablePage(physical, rule);
            _tables[physical] = page;
            return page;
        }

        /// <summary>
        /// Table pages [start, end) whose entries are a formula of (table, index), as the direct map's are: none
        /// of them is an object until something writes it, so terabytes of direct map cost nothing.
        /// </summary>
        internal void AddComputed(ulong start, ulong end, Func<ulong, int, ulong> entry) => _computed.Add(new ComputedRun(start, end, entry));

        /// <summary>A table page, made an object the first time it is asked for when it is a computed one.</summary>
        internal TablePage? Table(ulong physical)
        {
            if (_tables.TryGetValue(physical, out var page))
            {
                return page;
            }

            foreach (var run in _computed)
            {
                if (physical >= run.Start && physical < run.End)
                {
                    return AddTable(physical, index => run.Entry(physical, index));
                }
            }

            return null;
        }

        /// <summary>One entry of a table, or null when there is no table at that address. Allocates nothing.</summary>
        private ulong? Read(ulong table, int index)
        {
            if (_tables.TryGetValue(table, out var page))
            {
                return page[index];
            }

            foreach (var run in _computed)
            {
                if (table >= run.Start && table < run.End)
                {
                    return run.Entry(table, index);
                }
            }

            return null;
        }

        private static bool IsLarge(ulong value) => (value & (ulong)(PteFlags.PSE | PteFlags.Present)) == (ulong)(PteFlags.PSE | PteFlags.Present);

        private sealed class ComputedRun
        {
            internal ComputedRun(ulong start, ulong end, Func<ulong, int, ulong> entry)
            {
                Start = start;
                End = end;
                Entry = entry;
            }

            internal ulong Start { get; }

            internal ulong End { get; }

            internal Func<ulong, int, ulong> Entry { get; }
        }
    }
}
