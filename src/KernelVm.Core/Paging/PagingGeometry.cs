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
        private PagingGeometry(int entrySize, params PagingLevel[] levels)
        {
            EntrySize = entrySize;
            Levels = levels;
        }

        /// <summary>Bytes per entry: 4 without PAE, 8 with PAE and on x86-64.</summary>
        public int EntrySize { get; }

        public IReadOnlyList<PagingLevel> Levels { get; }

        /// <summary>The level whose entries can be large pages (PSE): pgd without PAE, pmd otherwise.</summary>
        public PagingLevel LargePageLevel => Levels[Levels.Count - 2];

        public static PagingGeometry For(Architecture arch) => arch switch
        {
            Architecture.X86 => new PagingGeometry(4, new PagingLevel("pgd", 22, 10), new PagingLevel("pte", 12, 10)),
            Architecture.X86Pae => new PagingGeometry(8, new PagingLevel("pgd", 30, 2), new PagingLevel("pmd", 21, 9), new PagingLevel("pte", 12, 9)),
            _ => new PagingGeometry(8, new PagingLevel("pgd", 39, 9), new PagingLevel("pud", 30, 9), new PagingLevel("pmd", 21, 9), new PagingLevel("pte", 12, 9)),
        };
    }
}
