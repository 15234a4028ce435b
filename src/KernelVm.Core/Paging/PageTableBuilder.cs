using KernelVm.Layout;
using KernelVm.Physical;

namespace KernelVm.Paging
{
    /// <summary>pagetable_init() of arch/x86/mm/init_32.c (2.6.24), for i386 with or without PAE.</summary>
    internal static class PageTableBuilder
    {
        internal sealed class Inputs
        {
            internal PagingGeometry Geometry { get; init; } = null!;
            internal bool Pae { get; init; }
            internal bool Pse { get; init; }
            internal ulong PageOffset { get; init; }
            internal ulong MaxLowPfn { get; init; }
            internal PageProtections Prot { get; init; } = null!;
            /// <summary>What one_page_table_init() puts in a PMD: _PAGE_TABLE (2.6.24) or _KERNPG_TABLE (2.4.22).</summary>
            internal ulong TableEntryFlags { get; init; }
            /// <summary>
            /// Where is_kernel_text() starts: PAGE_OFFSET in 2.4.22 and 2.6.24; _text in 6.x
            /// (is_x86_32_kernel_text()), so the large pages below the image get NX there.
            /// </summary>
            internal ulong TextStart { get; init; }

            /// <summary>__init_end: is_kernel_text() ends there.</summary>
            internal ulong InitEnd { get; init; }
            internal ulong SwapperPgDir { get; init; }
            internal ulong EmptyZeroPage { get; init; }
            internal KernelLayout Layout { get; init; } = null!;
            internal ulong FixmapLowest { get; init; }
            /// <summary>Where table pages are looked for first: 0 for alloc_bootmem_low_pages(), the end of the image for 6.x's brk area.</summary>
            internal ulong TableGoal { get; init; }
            /// <summary>6.x: the part of the last large page past max_low_pfn is mapped with 4 KiB pages instead.</summary>
            internal bool ExactEnd { get; init; }
        }

        internal static KernelPageTables Build(Inputs i, BootMem bootMem)
        {
            var tables = new KernelPageTables(i.Geometry, i.SwapperPgDir);
            var pgdLevel = i.Geometry.Levels[0];
            var userPgds = (int)(i.PageOffset >> pgdLevel.Shift);

            // After zap_low_mappings(), PAE user slots point at empty_zero_page (present, all zeros); non-PAE ones are empty.
            tables.AddTable(i.SwapperPgDir, index => i.Pae && index < userPgds ? i.EmptyZeroPage | (ulong)PteFlags.Present : 0);
            KernelPhysicalMappingInit(i, tables, bootMem, userPgds);

            // The fixmap tables, then the pkmap table: page_table_range_init() from PMD-aligned starts.
            var pmdSpan = i.Geometry.LargePageLevel.Span;
            var fixStart = i.FixmapLowest & ~(pmdSpan - 1);
            var fixEnd = (uint)((i.Layout.FixaddrTop + pmdSpan - 1) & ~(pmdSpan - 1)); // wraps to 0 for 0xFFFFF000, as in the kernel
            PageTableRangeInit(i, tables, bootMem, fixStart, fixEnd);
            if (i.Layout.PkmapBase is { } pkmap)
            {
                PageTableRangeInit(i, tables, bootMem, pkmap, pkmap + (ulong)i.Layout.LastPkmap * Machine.PageSize);
            }

            return tables;
        }

        /// <summary>Maps pfn 0 .. max_low_pfn at PAGE_OFFSET: large pages with PSE, else a PTE page per PMD entry.</summary>
        private static void KernelPhysicalMappingInit(Inputs i, KernelPageTables tables, BootMem bootMem, int firstKernelPgd)
        {
            var pgd = tables.Table(i.SwapperPgDir)!;
            var pte = i.Geometry.Levels[i.Geometry.Levels.Count - 1];
            ulong pfn = 0;
            for (var pgdIndex = firstKernelPgd; pgdIndex < i.Geometry.Levels[0].Entries; pgdIndex++)
            {
                var (pmd, pmdEntries) = OneMdTableInit(i, tables, bootMem, pgd, pgdIndex);
                var pmdFirst = i.Pae ? 0 : pgdIndex;
                for (var pmdIndex = pmdFirst; pmdIndex < pmdFirst + pmdEntries && pfn < i.MaxLowPfn; pmdIndex++)
                {
                    var address = i.PageOffset + (pfn << Machine.PageShift);
                    if (i.Pse && (!i.ExactEnd || pfn + (ulong)pte.Entries <= i.MaxLowPfn))
                    {
                        var text = IsKernelText(i, address) || IsKernelText(i, address + i.Geometry.LargePageLevel.Span - 1);
                        pmd[pmdIndex] = (pfn << Machine.PageShift) | (text ? i.Prot.PageKernelLargeExec : i.Prot.PageKernelLarge);
                    }
                    else
                    {
                        var first = pfn;
                        var table = bootMem.AllocBottomUp(Machine.PageSize, Machine.PageSize, i.TableGoal, "page table");
                        tables.AddTable(table, index =>
                        {
                            var p = first + (ulong)index;
                            return p >= i.MaxLowPfn ? 0
                                : (p << Machine.PageShift) | (IsKernelText(i, i.PageOffset + (p << Machine.PageShift)) ? i.Prot.PageKernelExec : i.Prot.PageKernel);
                        });
                        pmd[pmdIndex] = table | i.TableEntryFlags;
                    }

                    pfn += (ulong)pte.Entries;
                }
            }
        }

        /// <summary>page_table_range_init(): make sure every PMD entry in [start, end) has a PTE page (the range may wrap to 0).</summary>
        private static void PageTableRangeInit(Inputs i, KernelPageTables tables, BootMem bootMem, ulong start, ulong end)
        {
            var pgd = tables.Table(i.SwapperPgDir)!;
            var span = i.Geometry.LargePageLevel.Span;
            var pmdLevel = i.Geometry.LargePageLevel;
            for (var address = start; address != end; address = (uint)(address + span))
            {
                var pgdIndex = i.Geometry.Levels[0].IndexOf(address);
                var (pmd, _) = OneMdTableInit(i, tables, bootMem, pgd, pgdIndex);
                var pmdIndex = i.Pae ? pmdLevel.IndexOf(address) : pgdIndex;
                if ((pmd[pmdIndex] & (ulong)PteFlags.Present) == 0)
                {
                    var table = bootMem.AllocBottomUp(Machine.PageSize, Machine.PageSize, i.TableGoal, "page table");
                    tables.AddTable(table);
                    pmd[pmdIndex] = table | i.TableEntryFlags;
                }
            }
        }

        /// <summary>one_md_table_init(): with PAE, the PMD page under a PGD entry (allocated if absent); without, the PGD itself.</summary>
        private static (TablePage Pmd, int Entries) OneMdTableInit(Inputs i, KernelPageTables tables, BootMem bootMem, TablePage pgd, int pgdIndex)
        {
            if (!i.Pae)
            {
                return (pgd, 1);
            }

            var entry = pgd[pgdIndex];
            if ((entry & (ulong)PteFlags.Present) != 0 && (entry & PteValues.FrameMask) != i.EmptyZeroPage)
            {
                return (tables.Table(entry & PteValues.FrameMask)!, i.Geometry.LargePageLevel.Entries);
            }

            var pmd = bootMem.AllocBottomUp(Machine.PageSize, Machine.PageSize, i.TableGoal, "page table");
            pgd[pgdIndex] = pmd | (ulong)PteFlags.Present;
            return (tables.AddTable(pmd), i.Geometry.LargePageLevel.Entries);
        }

        private static bool IsKernelText(Inputs i, ulong address) => address >= i.TextStart && address <= i.InitEnd;
    }
}
