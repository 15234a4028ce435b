using KernelVm.Fixmap;
using KernelVm.Layout;
using KernelVm.Physical;

namespace KernelVm.Profiles
{
    public sealed partial class KernelProfile
    {
        private const ulong Tb = 1UL << 40;

        /// <summary>
        /// A modern kernel (6.17, kernel-model.md's "6.x"): memblock instead of bootmem, kmap_local instead
        /// of km_type, the CPU entry area and LDT remap below the fixmaps, no HIGHMEM64G.
        /// </summary>
        public static KernelProfile V6 { get; } = new("6.17", "the kernel sources (6.17)")
        {
            Alias = "6.x",
            HasVmSplitOption = true,
            HasReserveTop = true,
            HasVmallocOption = true,
            VmallocOptionExtra = 8UL << 20,                   // vmalloc= sets __VMALLOC_RESERVE = size + 8 MiB (arch/x86/mm/pgtable_32.c)
            ReserveTopRoundsToPmd = true,
            PageOffset64 = 0xFFFF888000000000,                // __PAGE_OFFSET_BASE_L4
            FixaddrTop = 0xFFFFF000,
            FixaddrTop64 = 0xFFFFFFFFFF7FF000,                // round_up(VSYSCALL_ADDR + PAGE_SIZE, PMD_SIZE) - PAGE_SIZE
            VmemmapBase64 = 0xFFFFEA0000000000,
            Pkmap = PkmapPlacement.BelowLdt,
            VmallocStartRounded = false,
            MaxMemFromVmallocEnd = true,
            PrintsLowRam = true,
            KernelTextFromText = true,
            CeaPagesPerCpu = 43,                              // struct cpu_entry_area on x86-32, derived from its fields (kernel-model.md notes it was not computed there)
            KmapLocalMaxIdx = 16,                             // KM_MAX_IDX, include/asm-generic/kmap_size.h
            FixmapX86 = FixmapDefinitions.X86V6,
            FixmapX86_64 = FixmapDefinitions.X86_64V6,
            HasNuma = true,
            NumaOn32Bit = false,                              // NUMA depends on X86_64
            HasNx = true,
            PageAddressHashConstant = 0x61C88647,             // GOLDEN_RATIO_32, hash_32() in include/linux/hash.h
            PageAddressPool = false,
            FlushOnlyIfCleared = true,
            NoCacheBits = 0x018,                              // cachemode2protval(UC) = PCD|PWT
            StrictVirtAddrValid = true,
            PhysicalStart = 0x1000000,                        // CONFIG_PHYSICAL_START
            PhysicalStart64 = 0x1000000,
            TopDownAllocation = true,                         // memblock allocates top-down
            PageTablesFromBrk = true,
            DirectMapExactEnd = true,
            HasHighMem64G = false,
            Messages = SizingMessages.V6,
            ZoneInit = ZoneInitStyle.FreeAreaInit6,
            HasZoneDevice = true,
            MigrateTypes = 6,                                 // three PCP types, HIGHATOMIC, CMA and ISOLATE (distribution configs)
            FixToVirtFailure = "fix_to_virt() has BUILD_BUG_ON(idx >= __end_of_fixed_addresses), so the compile fails.",
            FlushTlbOne = "flush_tlb_one_kernel",
            // arch/x86/kernel/head_64.S: page-aligned .data (init_top_pgt, one page without PTI) and bm_pte
            // (arch/x86/mm/ioremap.c, page-aligned .bss). Where the linker puts them is not in the sources; the
            // model takes the image's last pages, in that order (an assumption, like i386's swapper_pg_dir).
            X86_64Paging = new Paging64
            {
                HeadTables = new[]
                {
                    ("init_top_pgt", 1), ("level4_kernel_pgt", 1), ("level3_kernel_pgt", 1), ("level2_kernel_pgt", 1),
                    ("level2_fixmap_pgt", 1), ("level1_fixmap_pgt", 2), ("bm_pte", 1),
                },
                HeadTablesAt = (text, size, pages) => text + size - pages * Machine.PageSize,
                FixmapPmdTop = 507,                        // FIXMAP_PMD_TOP, arch/x86/include/asm/fixmap.h
                FixmapPmdNum = 2,                          // FIXMAP_PMD_NUM without DEBUG_KMAP_LOCAL_FORCE_MAP
                ProbesPageSizes = true,
                DirectMapTableFlags = 0x067,               // _PAGE_TABLE, arch/x86/include/asm/pgalloc.h
                CleanupHighmap = true,
            },
            // 8 + 40 + 4 + 4 + 8 (memcg_data) = 64 on x86-64; 4 + 20 + 4 + 4 = 32 on x86-32 without MEMCG.
            _structPageSize = (arch, _) => arch == Architecture.X86_64 ? 64UL : 32UL,
            _pageFlagNames = PageFlagNames.V6,
            X86_64Layout = new Layout64
            {
                VmallocStart = 0xFFFFC90000000000,
                VmallocEnd = 0xFFFFC90000000000 + 32 * Tb,
                VmemmapSize = Tb,
                KernelTextSize = 512UL << 20,                 // KERNEL_IMAGE_SIZE without KASLR
                ModulesStart = 0xFFFFFFFF80000000 + (512UL << 20),
                ModulesEnd = 0xFFFFFFFFFF000000,             // arch/x86/include/asm/pgtable_64_types.h
                MaxMem = 1UL << 46,                          // 1UL << MAX_PHYSMEM_BITS, 4-level paging
                Vsyscall = 0xFFFFFFFFFF600000,
                Extra = new[]
                {
                    (RegionKind.Unused, "LDT remap", 0xFFFF880000000000UL, 0xFFFF880000000000UL + Tb / 2, "LDT remap for PTI (pgd slot 272)"),
                    (RegionKind.Unused, "cpu entry area", 0xFFFFFE0000000000UL, 0xFFFFFE0000000000UL + Tb / 2, "CPU_ENTRY_AREA_BASE"),
                    (RegionKind.Unused, "%esp fixup", 0xFFFFFF0000000000UL, 0xFFFFFF0000000000UL + Tb / 2, "%esp fixup stacks"),
                    (RegionKind.Unused, "EFI", 0xFFFFFFEF00000000UL, 0xFFFFFFFF00000000UL, "EFI region mapping space"),
                },
            },
        };
    }
}
