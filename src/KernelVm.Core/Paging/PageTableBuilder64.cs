using System.Collections.Generic;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm.Paging
{
    /// <summary>
    /// The x86-64 kernel page tables as boot leaves them: head_64.S's static tables (the kernel text mapping
    /// and the fixmap's PMD and PTE pages), then the direct map (<see cref="DirectMap64"/>).
    /// </summary>
    internal static class PageTableBuilder64
    {
        /// <summary>bad_addr() (2.6.24 arch/x86/kernel/e820_64.c) keeps find_e820_area() above "various gunk below that needed for SMP startup".</summary>
        private const ulong SmpGunkEnd = 0x8000;

        internal sealed class Inputs
        {
            internal Paging64 Profile { get; init; } = null!;
            internal ulong PageOffset { get; init; }
            /// <summary>The end of the direct map: end_pfn_map (2.6.24) or max_pfn (6.x), in bytes.</summary>
            internal ulong RamEnd { get; init; }
            /// <summary>_text's physical address (CONFIG_PHYSICAL_START, phys_base 0).</summary>
            internal ulong TextStart { get; init; }
            internal ulong ImageSize { get; init; }
            /// <summary>KERNEL_TEXT_SIZE (2.6.24) / KERNEL_IMAGE_SIZE (6.x): what level2_kernel_pgt's PMDS() line covers.</summary>
            internal ulong KernelTextSize { get; init; }
            internal PageProtections Prot { get; init; } = null!;
            internal bool Pse { get; init; }
            internal bool Gbpages { get; init; }
            internal bool ExactEnd { get; init; }
            /// <summary>Whether the direct map's tables come from the brk area after the image (6.x) or from 0x8000 up (2.6.24).</summary>
            internal bool TablesAfterImage { get; init; }
            internal ulong FixaddrTop { get; init; }
            /// <summary>FIX_BTMAP_BEGIN, whose PMD early_ioremap_init() points at bm_pte (6.x), or -1 without boot-time slots.</summary>
            internal int BtmapBegin { get; init; } = -1;
        }

        internal static KernelPageTables Build(Inputs i, BootMem bootMem)
        {
            var head = HeadTables(i);
            var geometry = PagingGeometry.For(Architecture.X86_64);
            var tables = new KernelPageTables(geometry, head[i.Profile.HeadTables[0].Name]);
            var pgd = tables.AddTable(tables.Root);

            // init_level4_pgt[511] (6.x: init_top_pgt[511] = early_top_pgt[511]) -> level3_kernel_pgt, whose
            // entry 510 maps __START_KERNEL_map and entry 511 the fixmap.
            var level3 = tables.AddTable(head["level3_kernel_pgt"]);
            pgd[511] = level3.Physical | PteValues.PageTable;
            level3[510] = head["level2_kernel_pgt"] | PteValues.KernPgTable;
            level3[511] = head["level2_fixmap_pgt"] | PteValues.PageTable;
            tables.AddTable(head["level2_kernel_pgt"], index => KernelTextPmd(i, index));

            // level2_fixmap_pgt: FIXMAP_PMD_NUM entries ending at FIXMAP_PMD_TOP point at level1_fixmap_pgt's pages.
            var fixmapPmd = tables.AddTable(head["level2_fixmap_pgt"]);
            for (var k = 0; k < i.Profile.FixmapPmdNum; k++)
            {
                var pte = head["level1_fixmap_pgt"] + (ulong)k * Machine.PageSize;
                tables.AddTable(pte);
                fixmapPmd[i.Profile.FixmapPmdTop - i.Profile.FixmapPmdNum + 1 + k] = pte | PteValues.PageTable;
            }

            // early_ioremap_init(): pmd_populate_kernel() of FIX_BTMAP_BEGIN's PMD with bm_pte.
            if (i.BtmapBegin >= 0)
            {
                var btmap = i.FixaddrTop - ((ulong)i.BtmapBegin << Machine.PageShift);
                var bmPte = tables.AddTable(head["bm_pte"]);
                fixmapPmd[geometry.Levels[2].IndexOf(btmap)] = bmPte.Physical | PteValues.PageTable;
            }

            InitMemoryMapping(i, tables, pgd, bootMem);
            return tables;
        }

        /// <summary>The physical address of each head_64.S table, by name; the image's range is already reserved.</summary>
        private static Dictionary<string, ulong> HeadTables(Inputs i)
        {
            var at = i.Profile.HeadTablesAt(i.TextStart, i.ImageSize, i.Profile.HeadTablePages);
            var head = new Dictionary<string, ulong>();
            foreach (var (name, pages) in i.Profile.HeadTables)
            {
                head[name] = at;
                at += (ulong)pages * Machine.PageSize;
            }

            return head;
        }

        /// <summary>
        /// level2_kernel_pgt: PMDS(0, __PAGE_KERNEL_LARGE_EXEC (|_PAGE_GLOBAL in 2.6.24), KERNEL_TEXT_SIZE / PMD_SIZE),
        /// global whatever the CPU says (the static tables are not masked). 6.x's cleanup_highmap() then clears the
        /// entries below _text and past roundup(_brk_end, PMD_SIZE); the model takes _brk_end as the image's end.
        /// </summary>
        private static ulong KernelTextPmd(Inputs i, int index)
        {
            var physical = (ulong)index << 21;
            if (physical >= i.KernelTextSize)
            {
                return 0;
            }

            var end = (i.TextStart + i.ImageSize + (1UL << 21) - 1) & ~((1UL << 21) - 1);
            return i.Profile.CleanupHighmap && (physical < i.TextStart || physical >= end)
                ? 0
                : physical | PteValues.KernelExec | (ulong)(PteFlags.PSE | PteFlags.Global);
        }

        /// <summary>
        /// The direct map's tables: 2.6.24 find_early_table_space() takes the first free run from 0x8000 (past the
        /// image when they would overlap it) and alloc_low_page() hands its pages out in order; 6.x alloc_low_pages()
        /// starts in the brk area after the image, and the model keeps all of them there (see README).
        /// </summary>
        private static void InitMemoryMapping(Inputs i, KernelPageTables tables, TablePage pgd, BootMem bootMem)
        {
            var map = new DirectMap64(i.RamEnd, i.Pse, i.Gbpages, i.ExactEnd, i.Profile.TablesPerPgd, i.Profile.DirectMapTableFlags, i.Prot);
            var goal = i.TablesAfterImage ? i.TextStart + i.ImageSize : SmpGunkEnd;
            var start = bootMem.AllocBottomUp(map.Pages * Machine.PageSize, Machine.PageSize, goal, "kernel direct mapping tables");
            map.Install(tables, pgd, tables.Geometry.Levels[0].IndexOf(i.PageOffset), start);
        }
    }
}
