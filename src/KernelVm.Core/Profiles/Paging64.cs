using System;
using System.Collections.Generic;

namespace KernelVm.Profiles
{
    /// <summary>
    /// How a kernel version builds its x86-64 page tables at boot, as data: head_64.S's static tables and
    /// where they lie, the fixmap PMDs, and which choices init_memory_mapping() (2.6.24,
    /// arch/x86/mm/init_64.c) or init_mem_mapping() (6.x, arch/x86/mm/init.c) makes for the direct map.
    /// </summary>
    internal sealed class Paging64
    {
        /// <summary>
        /// head_64.S's page-aligned tables in link order, with their sizes in pages. The first is the PGD
        /// (init_level4_pgt, init_top_pgt); the builder finds the others by name.
        /// </summary>
        internal IReadOnlyList<(string Name, int Pages)> HeadTables { get; init; } = Array.Empty<(string, int)>();

        /// <summary>Where the first head table lies, given _text, the image size and the tables' pages (a model assumption; see the profiles).</summary>
        internal Func<ulong, ulong, ulong, ulong> HeadTablesAt { get; init; } = (text, _, _) => text;

        /// <summary>The pages the head tables take.</summary>
        internal ulong HeadTablePages
        {
            get
            {
                ulong pages = 0;
                foreach (var (_, n) in HeadTables)
                {
                    pages += (ulong)n;
                }

                return pages;
            }
        }

        /// <summary>FIXMAP_PMD_TOP: the level2_fixmap_pgt entry that points at level1_fixmap_pgt's last page.</summary>
        internal int FixmapPmdTop { get; init; }

        /// <summary>FIXMAP_PMD_NUM: how many pages level1_fixmap_pgt has, in consecutive PMD entries ending at the top one.</summary>
        internal int FixmapPmdNum { get; init; } = 1;

        /// <summary>
        /// Whether probe_page_size_mask() asks the CPU (6.x): PSE for 2 MiB pages, GBPAGES for 1 GiB ones, PGE for
        /// _PAGE_GLOBAL in __supported_pte_mask. 2.6.24 asks nothing: every x86-64 CPU must have PSE and PGE, so
        /// phys_pmd_init() always writes global 2 MiB pages, and 1 GiB pages came only in 2.6.26.
        /// </summary>
        internal bool ProbesPageSizes { get; init; }

        /// <summary>
        /// What a direct-map PGD, PUD or PMD entry that points at a table carries: _KERNPG_TABLE (2.6.24's
        /// mk_kernel_pgd() and set_pud()) or _PAGE_TABLE (6.x's p4d_populate(), pud_populate(), pmd_populate_kernel()).
        /// </summary>
        internal ulong DirectMapTableFlags { get; init; }

        /// <summary>
        /// Whether init_memory_mapping() allocates the direct map's tables PGD by PGD, each PUD page followed by
        /// its PMD pages (2.6.24 alloc_low_page() from table_start), rather than the model's 6.x order (all PUD
        /// pages, then PMD pages, then PTE pages).
        /// </summary>
        internal bool TablesPerPgd { get; init; }

        /// <summary>cleanup_highmap() (6.x): level2_kernel_pgt keeps only _text .. roundup(_brk_end, PMD_SIZE).</summary>
        internal bool CleanupHighmap { get; init; }

        /// <summary>
        /// Whether set_pte_phys() (2.6.24) prints pte_ERROR ("bad pte") when it replaces a PTE that is neither none
        /// nor the new value; 6.x's __set_pte_vaddr() writes without looking.
        /// </summary>
        internal bool ReportsReplacedPte { get; init; }
    }
}
