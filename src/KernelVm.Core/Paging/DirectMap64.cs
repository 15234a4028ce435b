namespace KernelVm.Paging
{
    /// <summary>
    /// The x86-64 direct map as boot leaves it, as formulas of (table, index), so no table is an object until
    /// something writes it. RAM is [0, end) with no holes (the model's e820).
    /// <list type="bullet">
    /// <item>2.6.24 init_memory_mapping(0, end_pfn_map) (arch/x86/mm/init_64.c): per PGD a PUD page, per GiB a
    /// PMD page (phys_pud_init()), and every 2 MiB chunk that starts below end a global PSE entry
    /// (phys_pmd_init(): NX|PSE|_KERNPG_TABLE|GLOBAL masked by __supported_pte_mask), so the last one may map past
    /// the end of RAM.</item>
    /// <item>6.x init_mem_mapping() (arch/x86/mm/init.c): split_mem_range() cuts each range into 4 KiB, 2 MiB and
    /// 1 GiB parts, and adjust_range_page_size_mask() promotes a part when its whole 2 MiB (1 GiB) is RAM, which
    /// in a hole-free map means: a GiB inside RAM is one 1 GiB page (with GBPAGES), a 2 MiB chunk inside RAM one
    /// 2 MiB page (with PSE), and the rest of the last chunk 4 KiB pages that end exactly at max_pfn
    /// (phys_pte_init()). The order of memory_map_top_down()'s steps does not change that outcome.</item>
    /// </list>
    /// </summary>
    internal sealed class DirectMap64
    {
        private const ulong Page = Machine.PageSize;
        private const ulong Chunk = 1UL << 21;
        private const ulong Gib = 1UL << 30;
        private const int Entries = 512;

        private readonly ulong _end;
        private readonly ulong _tableFlags;
        private readonly ulong _large;
        private readonly ulong _small;
        private readonly bool _perPgd;
        private readonly ulong _gibs;
        private readonly ulong _chunks;
        private readonly ulong _puds;
        private readonly ulong _firstPmdGib;
        private readonly ulong _firstPteChunk;
        private ulong _start;

        /// <param name="end">The end of the mapped range: end_pfn_map (2.6.24) or max_pfn (6.x), in bytes.</param>
        /// <param name="pse">2 MiB pages (2.6.24 always; 6.x with PSE).</param>
        /// <param name="gbpages">1 GiB pages (6.x with PSE and GBPAGES: probe_page_size_mask() clears direct_gbpages without PSE).</param>
        /// <param name="exactEnd">Whether the last, partial 2 MiB chunk is mapped with 4 KiB pages (6.x) rather than whole.</param>
        /// <param name="perPgd">2.6.24's table order: each PUD page followed by its PMD pages.</param>
        /// <param name="tableFlags">What an entry pointing at a table carries.</param>
        /// <param name="prot">PAGE_KERNEL as boot masked it: PAGE_KERNEL_LARGE for large pages, PAGE_KERNEL for 4 KiB ones.</param>
        internal DirectMap64(ulong end, bool pse, bool gbpages, bool exactEnd, bool perPgd, ulong tableFlags, PageProtections prot)
        {
            _end = end;
            _perPgd = perPgd;
            _tableFlags = tableFlags;
            _large = prot.PageKernelLarge;
            _small = prot.PageKernel;
            _gibs = (end + Gib - 1) / Gib;
            _chunks = (end + Chunk - 1) / Chunk;
            _puds = (_gibs + Entries - 1) / Entries;
            _firstPmdGib = gbpages ? end / Gib : 0;
            _firstPteChunk = !pse ? 0 : exactEnd ? end / Chunk : _chunks;
        }

        /// <summary>The table pages: PUD pages, PMD pages for the GiBs that are not 1 GiB pages, PTE pages for the chunks that are not 2 MiB pages.</summary>
        internal ulong Pages => _puds + (_gibs - _firstPmdGib) + (_chunks - _firstPteChunk);

        /// <summary>Puts the tables at <paramref name="start"/> and points the PGD entries from <paramref name="firstPgd"/> (pgd_index(PAGE_OFFSET)) at the PUD pages.</summary>
        internal void Install(KernelPageTables tables, TablePage pgd, int firstPgd, ulong start)
        {
            _start = start;
            tables.AddComputed(start, start + Pages * Page, Entry);
            for (ulong p = 0; p < _puds; p++)
            {
                pgd[firstPgd + (int)p] = PudTable(p) | _tableFlags;
            }
        }

        private ulong Entry(ulong table, int index)
        {
            var k = (table - _start) / Page;
            if (_perPgd)
            {
                var group = k / (Entries + 1);
                var within = k % (Entries + 1);
                return within == 0 ? PudEntry(group, index) : PmdEntry(group * Entries + within - 1, index);
            }

            var pmds = _gibs - _firstPmdGib;
            return k < _puds ? PudEntry(k, index)
                : k < _puds + pmds ? PmdEntry(_firstPmdGib + k - _puds, index)
                : PteEntry(_firstPteChunk + k - _puds - pmds, index);
        }

        /// <summary>phys_pud_init(): a 1 GiB page, a PMD page, or nothing past the end.</summary>
        private ulong PudEntry(ulong pud, int index)
        {
            var gib = pud * Entries + (ulong)index;
            return gib >= _gibs ? 0 : gib < _firstPmdGib ? (gib * Gib) | _large : PmdTable(gib) | _tableFlags;
        }

        /// <summary>phys_pmd_init(): a 2 MiB page, a PTE page, or nothing past the end.</summary>
        private ulong PmdEntry(ulong gib, int index)
        {
            var chunk = gib * Entries + (ulong)index;
            return chunk >= _chunks ? 0 : chunk < _firstPteChunk ? (chunk * Chunk) | _large : PteTable(chunk) | _tableFlags;
        }

        /// <summary>phys_pte_init(): PAGE_KERNEL below the end, nothing past it.</summary>
        private ulong PteEntry(ulong chunk, int index)
        {
            var address = (chunk * Entries + (ulong)index) * Page;
            return address < _end ? address | _small : 0;
        }

        private ulong PudTable(ulong pud) => _start + Page * (_perPgd ? pud * (Entries + 1) : pud);

        private ulong PmdTable(ulong gib) =>
            _start + Page * (_perPgd ? gib / Entries * (Entries + 1) + 1 + gib % Entries : _puds + gib - _firstPmdGib);

        private ulong PteTable(ulong chunk) => _start + Page * (_puds + _gibs - _firstPmdGib + chunk - _firstPteChunk);
    }
}
