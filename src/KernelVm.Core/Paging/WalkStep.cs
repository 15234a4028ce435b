using System.Collections.Generic;

namespace KernelVm.Paging
{
    /// <summary>One level of a page-table walk, as crash's vtop prints it.</summary>
    public sealed class WalkStep
    {
        internal WalkStep(PagingLevel level, int index, ulong tablePhysical, ulong entryPhysical, ulong value, bool isLeaf)
        {
            Level = level.Name;
            Index = index;
            TablePhysical = tablePhysical;
            EntryPhysical = entryPhysical;
            Value = value;
            IsLeaf = isLeaf;
        }

        /// <summary>pgd, pud, pmd or pte.</summary>
        public string Level { get; }

        public int Index { get; }

        /// <summary>The physical address of the table.</summary>
        public ulong TablePhysical { get; }

        /// <summary>The physical address of the entry: table + index x entry size.</summary>
        public ulong EntryPhysical { get; }

        /// <summary>The raw entry.</summary>
        public ulong Value { get; }

        public PteFlags Flags => (PteFlags)(Value & ~PteValues.FrameMask);

        public bool Present => (Value & (ulong)PteFlags.Present) != 0;

        /// <summary>Whether this entry maps a page (a PTE, or a PSE large page) rather than a table.</summary>
        public bool IsLeaf { get; }

        /// <summary>The frame the entry points to (a table or a page).</summary>
        public ulong Frame => Value & PteValues.FrameMask;

        /// <summary>The flag names, as crash decodes them.</summary>
        public IReadOnlyList<string> FlagNames => PteFlagNames.Of(Value);
    }
}
