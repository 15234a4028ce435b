using System;
using System.Collections.Generic;
using KernelVm.Fixmap;
using KernelVm.Physical;

namespace KernelVm.Profiles
{
    /// <summary>
    /// What differs between the kernel versions the model knows, as data. Code asks the profile;
    /// it never tests a version number.
    /// </summary>
    public sealed class KernelProfile
    {
        private KernelProfile(string version, string book) { Version = version; Book = book; }

        /// <summary>The version, as uname prints it ("2.6.24").</summary>
        public string Version { get; }

        /// <summary>The book that describes this version.</summary>
        public string Book { get; }

        /// <summary>Whether Kconfig offers CONFIG_VMSPLIT_* (2.4.22 fixes PAGE_OFFSET at 0xC0000000).</summary>
        public bool HasVmSplitOption { get; private init; }

        /// <summary>Default __VMALLOC_RESERVE: 128 MiB in both versions (arch/x86/mm/init_32.c, include/asm-i386/page.h).</summary>
        public uint VmallocReserve { get; private init; } = 128u << 20;

        /// <summary>x86-64 __PAGE_OFFSET, or null when the profile has no x86-64 model.</summary>
        public ulong? PageOffset64 { get; private init; }

        /// <summary>i386 FIXADDR_TOP before any reservetop=.</summary>
        public uint FixaddrTop { get; private init; }

        /// <summary>x86-64 FIXADDR_TOP (VSYSCALL_END - PAGE_SIZE).</summary>
        public ulong FixaddrTop64 { get; private init; }

        /// <summary>A constant PKMAP_BASE (2.4.22), or null when it is computed below the boot-time fixmaps.</summary>
        public uint? FixedPkmapBase { get; private init; }

        /// <summary>Whether FIXADDR_TOP is a variable that reservetop= can move.</summary>
        public bool HasReserveTop { get; private init; }

        /// <summary>Whether vmalloc= exists (it sets __VMALLOC_RESERVE).</summary>
        public bool HasVmallocOption { get; private init; }

        /// <summary>enum km_type without the KM_TYPE_NR terminator.</summary>
        public IReadOnlyList<string> KmTypes { get; private init; } = Array.Empty<string>();

        /// <summary>Whether CONFIG_DEBUG_HIGHMEM puts a fence before every km_type (2.6.24 x86-32).</summary>
        public bool KmapFences { get; private init; }

        /// <summary>x86-64 vmemmap (VMEMMAP_START), or null.</summary>
        public ulong? VmemmapBase64 { get; private init; }

        /// <summary>Whether the model has this version's NUMA (DISCONTIGMEM on i386 PAE, vmemmap on x86-64).</summary>
        public bool HasNuma { get; private init; }

        /// <summary>2.4.22's free_area_init(): zone sizes and one MAP_ALIGNed lmem_map, no memmap accounting.</summary>
        internal bool LegacyZoneInit { get; private init; }

        /// <summary>What a PMD entry pointing to a kernel PTE page holds: _PAGE_TABLE (2.6.24) or _KERNPG_TABLE (2.4.22).</summary>
        public ulong KernelTableEntryFlags { get; private init; } = 0x067;

        /// <summary>Whether PAGE_KERNEL carries _PAGE_NX under PAE (2.4.22 i386 has no NX).</summary>
        public bool HasNx { get; private init; }

        /// <summary>
        /// Where swapper_pg_dir and empty_zero_page lie, given the kernel image size: fixed by head.S
        /// in 2.4.22 (0x101000 and 0x104000); in 2.6.24 they are in .bss.page_aligned, which the model
        /// puts in the last three pages of the image (swapper_pg_dir, swapper_pg_pmd, empty_zero_page).
        /// </summary>
        internal System.Func<ulong, (ulong PgDir, ulong ZeroPage)> BootPages { get; private init; } =
            size => (Machine.PhysicalStart + size - 3 * Machine.PageSize, Machine.PhysicalStart + size - Machine.PageSize);

        /// <summary>What the kernel build does with fix_to_virt() of an index past the enum.</summary>
        public string FixToVirtFailure { get; private init; } =
            "fix_to_virt() leaves a call to __this_fixmap_does_not_exist(), which is never defined, so the link fails.";

        /// <summary>GOLDEN_RATIO_PRIME of hash_ptr() for page_address_htable; null when struct page has a virtual field instead (2.4.22).</summary>
        public ulong? PageAddressHashConstant { get; private init; }

        /// <summary>2.4.22's kmap_nonblock(): fail instead of sleeping when no slot is free.</summary>
        public bool HasKmapNonblock { get; private init; }

        /// <summary>2.4.22 kmap_atomic() does __flush_tlb_one() after set_pte; 2.6.24 relies on the unmap having flushed.</summary>
        internal bool KmapAtomicFlushesOnMap { get; private init; }

        /// <summary>Whether kunmap_atomic() clears the PTE: always in 2.6.24, only under HIGHMEM_DEBUG in 2.4.22.</summary>
        internal bool KunmapAtomicClears(bool debugHighmem) => !KmapAtomicFlushesOnMap || debugHighmem;

        /// <summary>The value of a km_type name: its position, doubled plus one with the DEBUG_HIGHMEM fences; -1 when unknown.</summary>
        public int KmTypeValue(string name, bool debugHighmem)
        {
            for (var i = 0; i < KmTypes.Count; i++)
            {
                if (string.Equals(KmTypes[i], name, StringComparison.OrdinalIgnoreCase))
                {
                    return KmapFences && debugHighmem ? 2 * i + 1 : i;
                }
            }

            return -1;
        }

        /// <summary>Whether mem_init() prints the "virtual kernel memory layout" block.</summary>
        internal bool PrintsVirtualLayout { get; private init; }

        private Func<Architecture, bool, ulong> _structPageSize = (_, _) => 32;
        private string?[] _pageFlagNames = Array.Empty<string?>();
        private bool _zoneTableFlags;

        internal IReadOnlyList<FixmapSlotDefinition> FixmapX86 { get; private init; } = Array.Empty<FixmapSlotDefinition>();

        internal IReadOnlyList<FixmapSlotDefinition>? FixmapX86_64 { get; private init; }

        /// <summary>sizeof(struct page) (kernel-model.md §6.4: computed from the field list, no spinlock debugging).</summary>
        public ulong StructPageSize(Architecture arch, bool highMem) => _structPageSize(arch, highMem);

        /// <summary>node_zones for an architecture: which zones exist, in index order.</summary>
        internal IReadOnlyList<ZoneType> ZoneTypes(Architecture arch, bool highMem) =>
            LegacyZoneInit ? new[] { ZoneType.DMA, ZoneType.Normal, ZoneType.HighMem }
            : arch == Architecture.X86_64 ? new[] { ZoneType.DMA, ZoneType.DMA32, ZoneType.Normal, ZoneType.Movable }
            : highMem ? new[] { ZoneType.DMA, ZoneType.Normal, ZoneType.HighMem, ZoneType.Movable }
            : new[] { ZoneType.DMA, ZoneType.Normal, ZoneType.Movable };

        /// <summary>How page->flags packs PG_* bits, zone and node for an architecture.</summary>
        internal PageFlagLayout PageFlags(Architecture arch, bool numa)
        {
            var bits = arch == Architecture.X86_64 ? 64 : 32;
            if (_zoneTableFlags)
            {
                return new PageFlagLayout(_pageFlagNames, bits, 0, 8, zonesPerNode: 3);
            }

            // NODES_SHIFT: 6 on x86-64, 3 on i386 NUMA; no node bits on a UMA (FLATMEM) kernel.
            var nodesWidth = !numa ? 0 : arch == Architecture.X86_64 ? 6 : 3;
            return new PageFlagLayout(_pageFlagNames, bits, nodesWidth, 2);
        }

        /// <summary>KM_TYPE_NR: the kmap_atomic slots per CPU.</summary>
        public int KmTypeNr(bool debugHighmem) => KmapFences && debugHighmem ? 2 * KmTypes.Count + 1 : KmTypes.Count;

        /// <summary>Gorman, Understanding the Linux Virtual Memory Manager.</summary>
        public static KernelProfile V2_4_22 { get; } = new("2.4.22", "Gorman, Understanding the Linux Virtual Memory Manager")
        {
            HasVmSplitOption = false,
            FixaddrTop = 0xFFFFE000,       // include/asm-i386/fixmap.h: a constant, the last page left out
            FixedPkmapBase = 0xFE000000,   // include/asm-i386/highmem.h
            KmTypes = new[] { "KM_BOUNCE_READ", "KM_SKB_SUNRPC_DATA", "KM_SKB_DATA_SOFTIRQ", "KM_USER0", "KM_USER1", "KM_BH_IRQ", "KM_SOFTIRQ0", "KM_SOFTIRQ1" },
            FixmapX86 = FixmapDefinitions.X86V2_4_22,
            LegacyZoneInit = true,
            KernelTableEntryFlags = 0x063,
            HasKmapNonblock = true,
            KmapAtomicFlushesOnMap = true,
            BootPages = _ => (0x101000, 0x104000),
            // list, mapping, index, next_hash, count, flags, lru, pprev_hash, buffers (44 bytes), and virtual under HIGHMEM.
            _structPageSize = (_, highMem) => highMem ? 48UL : 44UL,
            _pageFlagNames = PageFlagNames.V2_4_22,
            _zoneTableFlags = true,
        };

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
            HasNuma = true,
            HasNx = true,
            PageAddressHashConstant = 0x9E370001,  // GOLDEN_RATIO_PRIME_32, include/linux/hash.h
            PrintsVirtualLayout = true,
            // flags, _count, _mapcount, {private, mapping}, index, lru: 32 bytes on i386, 56 on x86-64.
            _structPageSize = (arch, _) => arch == Architecture.X86_64 ? 56UL : 32UL,
            _pageFlagNames = PageFlagNames.V2_6_24,
        };

        public static KernelProfile Default => V2_6_24;

        public static IReadOnlyList<KernelProfile> All { get; } = new[] { V2_4_22, V2_6_24 };

        /// <summary>The profile for a version string, or null.</summary>
        public static KernelProfile? Find(string version)
        {
            foreach (var profile in All)
            {
                if (string.Equals(profile.Version, version?.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return profile;
                }
            }

            return null;
        }

        public override string ToString() => Version;
    }
}
