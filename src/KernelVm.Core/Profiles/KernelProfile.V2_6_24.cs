using KernelVm.Fixmap;

namespace KernelVm.Profiles
{
    public sealed partial class KernelProfile
    {
        /// <summary>Mauerer, Professional Linux Kernel Architecture. The default.</summary>
        public static KernelProfile V2_6_24 { get; } = new("2.6.24", "Mauerer, Professional Linux Kernel Architecture")
        {
            HasVmSplitOption = true,
            HasReserveTop = true,
            HasVmallocOption = true,
            PageOffset64 = 0xFFFF810000000000,     // include/asm-x86/page_64.h
            FixaddrTop = 0xFFFFF000,               // __FIXADDR_TOP, arch/x86/mm/pgtable_32.c
            FixaddrTop64 = 0xFFFFFFFFFFDFF000,     // VSYSCALL_END - PAGE_SIZE, fixmap_64.h
            KmTypes = new[]
            {
                "KM_BOUNCE_READ", "KM_SKB_SUNRPC_DATA", "KM_SKB_DATA_SOFTIRQ", "KM_USER0", "KM_USER1", "KM_BIO_SRC_IRQ",
                "KM_BIO_DST_IRQ", "KM_PTE0", "KM_PTE1", "KM_IRQ0", "KM_IRQ1", "KM_SOFTIRQ0", "KM_SOFTIRQ1",
            },
            KmapFences = true,
            FixmapX86 = FixmapDefinitions.X86V2_6_24,
            FixmapX86_64 = FixmapDefinitions.X86_64V2_6_24,
            VmemmapBase64 = 0xFFFFE20000000000,    // VMEMMAP_START, pgtable_64.h
            X86_64Layout = new Layout.Layout64
            {
                VmallocStart = 0xFFFFC20000000000,
                VmallocEnd = 0xFFFFE20000000000,   // VMALLOC_END 0xFFFFE1FFFFFFFFFF, inclusive
                VmemmapSize = 1UL << 40,
                KernelTextSize = 40UL << 20,       // KERNEL_TEXT_SIZE
                ModulesStart = 0xFFFFFFFF88000000,
                MaxMem = 0x3FFFFFFFFFFF,           // include/asm-x86/pgtable_64.h
                Vsyscall = 0xFFFFFFFFFF600000,     // VSYSCALL_START, -10 MiB
            },
            // arch/x86/kernel/head_64.S: the tables follow startup_64, one page each, in source order; a System.map of
            // that head_64.S (LKML "kcore: add _text to KCORE_TEXT", 2010) has startup_64 at _text and
            // init_level4_pgt one page later. level3_ident_pgt, level2_ident_pgt and level2_spare_pgt are
            // unreachable after boot: zap_identity_mappings() clears pgd[0], init_memory_mapping() replaces pgd[258].
            X86_64Paging = new Paging64
            {
                HeadTables = new[]
                {
                    ("init_level4_pgt", 1), ("level3_ident_pgt", 1), ("level3_kernel_pgt", 1), ("level2_fixmap_pgt", 1),
                    ("level1_fixmap_pgt", 1), ("level2_ident_pgt", 1), ("level2_kernel_pgt", 1), ("level2_spare_pgt", 1),
                },
                HeadTablesAt = (text, _, _) => text + Machine.PageSize,
                FixmapPmdTop = 506,                        // level2_fixmap_pgt: 506 empty entries, then level1_fixmap_pgt
                FixmapPmdNum = 1,
                DirectMapTableFlags = 0x063,               // _KERNPG_TABLE
                TablesPerPgd = true,
                ReportsReplacedPte = true,
            },
            SetFixmapBeyondEnd64 = "x86-64's __set_fixmap() (arch/x86/mm/init_64.c) prints \"Invalid __set_fixmap\" and returns without changing anything.",
            HasNuma = true,
            HasNx = true,
            PageAddressHashConstant = 0x9E370001,  // GOLDEN_RATIO_PRIME_32, include/linux/hash.h
            PrintsVirtualLayout = true,
            PrintsApicMappings = true,
            PrintsMemInit = true,
            MigrateTypes = 5,                      // UNMOVABLE, RECLAIMABLE, MOVABLE, RESERVE, ISOLATE (include/linux/mmzone.h)
            // flags, _count, _mapcount, {private, mapping}, index, lru: 32 bytes on i386, 56 on x86-64.
            _structPageSize = (arch, _) => arch == Architecture.X86_64 ? 56UL : 32UL,
            _pageFlagNames = PageFlagNames.V2_6_24,
        };
    }
}
