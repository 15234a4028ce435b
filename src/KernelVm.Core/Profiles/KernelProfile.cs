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
    public sealed partial class KernelProfile
    {
        private KernelProfile(string version, string book) { Version = version; Book = book; }

        /// <summary>The version, as uname prints it ("2.6.24").</summary>
        public string Version { get; }

        /// <summary>Another name that selects the profile ("6.x").</summary>
        public string? Alias { get; private init; }

        /// <summary>The book that describes this version.</summary>
        public string Book { get; }

        /// <summary>Whether is_kernel_text() starts at _text (6.x is_x86_32_kernel_text()) rather than at PAGE_OFFSET.</summary>
        public bool KernelTextFromText { get; private init; }

        /// <summary>Whether initmem_init() ends with setup_bootmem_allocator()'s "mapped low ram" and "low ram" lines (6.x).</summary>
        public bool PrintsLowRam { get; private init; }

        /// <summary>Whether Kconfig offers CONFIG_VMSPLIT_* (2.4.22 fixes PAGE_OFFSET at 0xC0000000).</summary>
        public bool HasVmSplitOption { get; private init; }

        /// <summary>
        /// NR_CPUS of every SMP kernel when there is no CONFIG_NR_CPUS: 2.4.22's include/linux/threads.h
        /// sets 32 under CONFIG_SMP. Null where Kconfig asks for NR_CPUS.
        /// </summary>
        public int? SmpNrCpus { get; private init; }

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

        /// <summary>Whether NUMA is offered on i386 (2.6.24: NUMAQ/Summit with HIGHMEM64G); 6.x needs X86_64.</summary>
        public bool NumaOn32Bit { get; private init; } = true;

        /// <summary>Which zone initialisation the version runs.</summary>
        public ZoneInitStyle ZoneInit { get; private init; } = ZoneInitStyle.FreeAreaInitNodes;

        public PkmapPlacement Pkmap { get; private init; } = PkmapPlacement.BelowBootFixmaps;

        /// <summary>VMALLOC_START rounds high_memory + VMALLOC_OFFSET up to VMALLOC_OFFSET (2.4.22, 2.6.24); 6.x just adds it.</summary>
        public bool VmallocStartRounded { get; private init; } = true;

        /// <summary>MAXMEM = VMALLOC_END - PAGE_OFFSET - __VMALLOC_RESERVE (6.x) instead of -PAGE_OFFSET - __VMALLOC_RESERVE.</summary>
        public bool MaxMemFromVmallocEnd { get; private init; }

        /// <summary>What vmalloc= adds to the size it is given (6.x: VMALLOC_OFFSET).</summary>
        public ulong VmallocOptionExtra { get; private init; }

        /// <summary>
        /// reserve_top_address(): 2.6.24 sets FIXADDR_TOP = -reserve - PAGE_SIZE and adds reserve to
        /// __VMALLOC_RESERVE; 6.x rounds -reserve down to a PMD and leaves __VMALLOC_RESERVE alone.
        /// </summary>
        public bool ReserveTopRoundsToPmd { get; private init; }

        /// <summary>Pages of struct cpu_entry_area per CPU (6.x x86-32; 0 where there is none).</summary>
        public int CeaPagesPerCpu { get; private init; }

        /// <summary>KM_MAX_IDX of kmap_local (6.x): 16, or 33 with the debug guard slots; null where km_type sizes the slots.</summary>
        public int? KmapLocalMaxIdx { get; private init; }

        /// <summary>Whether Kconfig still offers HIGHMEM64G (removed in 6.15 by commit bbeb69ce3013).</summary>
        public bool HasHighMem64G { get; private init; } = true;

        public SizingMessages Messages { get; private init; } = SizingMessages.V2;

        /// <summary>Whether set_page_address() takes its entry from page_address_pool (2.6.24) or uses page_address_maps[PKMAP_NR] (6.x).</summary>
        public bool PageAddressPool { get; private init; } = true;

        /// <summary>6.x flush_all_zero_pkmaps() skips the TLB flush when it cleared nothing.</summary>
        public bool FlushOnlyIfCleared { get; private init; }

        /// <summary>The cache bits PAGE_KERNEL_NOCACHE adds: PCD (2.4.22, 2.6.24) or PCD|PWT (6.x, UC).</summary>
        public ulong NoCacheBits { get; private init; } = 0x010;

        /// <summary>6.x __virt_addr_valid() rejects addresses below PAGE_OFFSET, vmalloc addresses and fixmaps; 2.6.24 only asks pfn_valid().</summary>
        public bool StrictVirtAddrValid { get; private init; }

        /// <summary>CONFIG_PHYSICAL_START on i386: where the kernel is loaded (1 MiB before 6.x; 16 MiB in 6.x).</summary>
        public ulong PhysicalStart { get; private init; } = 0x100000;

        /// <summary>CONFIG_PHYSICAL_START on x86-64 (2 MiB in 2.6.24, 16 MiB in 6.x).</summary>
        public ulong PhysicalStart64 { get; private init; } = 0x200000;

        /// <summary>Where the kernel image is loaded on an architecture.</summary>
        public ulong PhysicalStartFor(Architecture arch) => arch == Architecture.X86_64 ? PhysicalStart64 : PhysicalStart;

        /// <summary>Whether early allocations come top-down (memblock, 6.x) rather than from the bottom (bootmem).</summary>
        public bool TopDownAllocation { get; private init; }

        /// <summary>Whether early page tables come from the brk area after the kernel image (6.x alloc_low_pages) instead of the lowest free pages.</summary>
        public bool PageTablesFromBrk { get; private init; }

        /// <summary>The x86-64 landmarks, or null without an x86-64 model.</summary>
        public Layout.Layout64? X86_64Layout { get; private init; }

        /// <summary>How boot builds the x86-64 page tables, or null without an x86-64 model.</summary>
        internal Paging64? X86_64Paging { get; private init; }

        /// <summary>The single-address TLB flush after a kernel PTE changes: __flush_tlb_one() (invlpg), flush_tlb_one_kernel() in 6.x.</summary>
        public string FlushTlbOne { get; private init; } = "__flush_tlb_one";

        /// <summary>What a PMD entry pointing to a kernel PTE page holds: _PAGE_TABLE (2.6.24) or _KERNPG_TABLE (2.4.22).</summary>
        public ulong KernelTableEntryFlags { get; private init; } = 0x067;

        /// <summary>Whether PAGE_KERNEL carries _PAGE_NX under PAE (2.4.22 i386 has no NX).</summary>
        public bool HasNx { get; private init; }

        /// <summary>
        /// Where swapper_pg_dir and empty_zero_page lie, given the kernel image size: fixed by head.S
        /// in 2.4.22 (0x101000 and 0x104000); in 2.6.24 they are in .bss.page_aligned, which the model
        /// puts in the last three pages of the image (swapper_pg_dir, swapper_pg_pmd, empty_zero_page).
        /// </summary>
        internal System.Func<ulong, ulong, (ulong PgDir, ulong ZeroPage)> BootPages { get; private init; } =
            (start, size) => (start + size - 3 * Machine.PageSize, start + size - Machine.PageSize);

        /// <summary>What the kernel build does with fix_to_virt() of an index past the enum.</summary>
        public string FixToVirtFailure { get; private init; } =
            "fix_to_virt() leaves a call to __this_fixmap_does_not_exist(), which is never defined, so the link fails.";

        /// <summary>What __set_fixmap() does with an index past the enum at run time.</summary>
        public string SetFixmapBeyondEnd { get; private init; } = "the kernel BUG()s.";

        /// <summary>What x86-64's __set_fixmap() does with an index past the enum, where it differs from i386's.</summary>
        public string? SetFixmapBeyondEnd64 { get; private init; }

        /// <summary>Whether the direct map ends exactly at max_low_pfn (6.x splits the range so the tail uses 4 KiB pages); 2.6.24's last large page maps past it.</summary>
        public bool DirectMapExactEnd { get; private init; }

        /// <summary>GOLDEN_RATIO_PRIME of hash_ptr() for page_address_htable; null when struct page has a virtual field instead (2.4.22).</summary>
        public ulong? PageAddressHashConstant { get; private init; }

        /// <summary>2.4.22's kmap_nonblock(): fail instead of sleeping when no slot is free.</summary>
        public bool HasKmapNonblock { get; private init; }

        /// <summary>2.4.22 kmap_atomic() does __flush_tlb_one() after set_pte; 2.6.24 relies on the unmap having flushed.</summary>
        internal bool KmapAtomicFlushesOnMap { get; private init; }

        /// <summary>
        /// Whether kunmap_atomic() clears the PTE, and kmap_atomic() BUGs on a busy slot: always in 2.6.24,
        /// only under HIGHMEM_DEBUG in 2.4.22.
        /// </summary>
        internal bool KmapAtomicDebugChecks(bool debugHighmem) => !KmapAtomicFlushesOnMap || debugHighmem;

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

        /// <summary>Whether x86-64 has ZONE_DEVICE after ZONE_MOVABLE (CONFIG_ZONE_DEVICE, on in 6.x distribution kernels; 2.6.24 has none).</summary>
        internal bool HasZoneDevice { get; private init; }

        /// <summary>Whether i386 mem_init() prints "Memory: …k/…k available (…)" in the 2.4/2.6 form (6.x's mem_init_print_info() has another).</summary>
        internal bool PrintsMemInit { get; private init; }

        /// <summary>Whether boot prints init_apic_mappings()'s "mapped APIC to" lines (2.6.24 printk(KERN_DEBUG); 2.4.22 Dprintk, 6.x apic=verbose only).</summary>
        internal bool PrintsApicMappings { get; private init; }

        /// <summary>MIGRATE_TYPES: build_all_zonelists() turns mobility grouping off below pageblock_nr_pages of each; 0 where there is no grouping (2.4.22).</summary>
        internal int MigrateTypes { get; private init; }

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
            ZoneInit == ZoneInitStyle.FreeAreaInit24 ? new[] { ZoneType.DMA, ZoneType.Normal, ZoneType.HighMem }
            : arch == Architecture.X86_64 && HasZoneDevice ? new[] { ZoneType.DMA, ZoneType.DMA32, ZoneType.Normal, ZoneType.Movable, ZoneType.Device }
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
            // ZONES_SHIFT: 2 bits for up to 4 zones, 3 for up to 8 (include/linux/page-flags-layout.h).
            var nodesWidth = !numa ? 0 : arch == Architecture.X86_64 ? 6 : 3;
            return new PageFlagLayout(_pageFlagNames, bits, nodesWidth, ZoneTypes(arch, true).Count <= 4 ? 2 : 3);
        }

        /// <summary>
        /// The FIX_KMAP slots per CPU: KM_TYPE_NR, or in 6.x KM_MAX_IDX, which CONFIG_DEBUG_KMAP_LOCAL (selected by
        /// DEBUG_HIGHMEM) makes 33 = 2 * 16 + 1, a guard before every slot and one more (include/asm-generic/kmap_size.h).
        /// </summary>
        public int KmTypeNr(bool debugHighmem) =>
            KmapLocalMaxIdx is { } max ? (debugHighmem ? 2 * max + 1 : max) : KmapFences && debugHighmem ? 2 * KmTypes.Count + 1 : KmTypes.Count;

        public static KernelProfile Default => V2_6_24;

        // A getter, not a field initializer: the instances live in other files of this partial class.
        public static IReadOnlyList<KernelProfile> All => new[] { V2_4_22, V2_6_24, V6 };

        /// <summary>The profile for a version string, or null.</summary>
        public static KernelProfile? Find(string version)
        {
            foreach (var profile in All)
            {
                if (string.Equals(profile.Version, version?.Trim(), StringComparison.OrdinalIgnoreCase)
                    || (profile.Alias is not null && string.Equals(profile.Alias, version?.Trim(), StringComparison.OrdinalIgnoreCase)))
                {
                    return profile;
                }
            }

            return null;
        }

        public override string ToString() => Version;
    }
}
