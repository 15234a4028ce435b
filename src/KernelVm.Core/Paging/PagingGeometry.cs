using System.Collections.Generic;
using KernelVm.Profiles;

namespace KernelVm.Paging
{
    /// <summary>
    /// The page-table shape of an architecture (pgtable-2level-defs.h, pgtable-3level-defs.h,
    /// pgtable_64.h): the levels from the top, and the entry size.
    /// </summary>
    public sealed class PagingGeometry
    {
        private readonly int _highestLarge;

        private PagingGeometry(int entrySize, int highestLarge, params PagingLevel[] levels)
        {
            EntrySize = entrySize;
            _highestLarge = highestLarge;
            Levels = levels;
        }

        /// <summary>Bytes per entry: 4 without PAE, 8 with PAE and on x86-64.</summary>
        public int EntrySize { get; }

        public IReadOnlyList<PagingLevel> Levels { get; }

        /// <summary>The level above the PTEs, whose entries can be large pages (PSE): pgd without PAE, pmd otherwise.</summary>
        public PagingLevel LargePageLevel => Levels[Levels.Count - 2];

        /// <summary>
        /// Whether an entry at this level (0 = pgd) with _PAGE_PSE maps a page rather than a table: the level
        /// above the PTEs, and on x86-64 also the pud (1 GiB pages). A PML4 entry never does (bit 7 is reserved).
        /// </summary>
        public bool CanMapLarge(int level) => level >= _highestLarge && level < Levels.Count - 1;

        public static PagingGeometry For(Architecture arch) => arch switch
        {
            Architecture.X86 => new PagingGeometry(4, 0, new PagingLevel("pgd", 22, 10), new PagingLevel("pte", 12, 10)),
            Architecture.X86Pae => new PagingGeometry(8, 1, new PagingLevel("pgd", 30, 2), new PagingLevel("pmd", 21, 9), new PagingLevel("pte", 12, 9)),
            _ => new PagingGeometry(8, 1, new PagingLevel("pgd", 39, 9), new PagingLevel("pud", 30, 9), new PagingLevel("pmd", 21, 9), new PagingLevel("pte", 12, 9)),
        };
    }
}
