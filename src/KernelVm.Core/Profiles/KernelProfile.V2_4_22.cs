using KernelVm.Fixmap;
using KernelVm.Physical;

namespace KernelVm.Profiles
{
    public sealed partial class KernelProfile
    {
        /// <summary>Gorman, Understanding the Linux Virtual Memory Manager.</summary>
        public static KernelProfile V2_4_22 { get; } = new("2.4.22", "Gorman, Understanding the Linux Virtual Memory Manager")
        {
            HasVmSplitOption = false,
            SmpNrCpus = 32,
            Messages = SizingMessages.V2_4,
            FixaddrTop = 0xFFFFE000,       // include/asm-i386/fixmap.h: a constant, the last page left out
            FixedPkmapBase = 0xFE000000,   // include/asm-i386/highmem.h
            KmTypes = new[] { "KM_BOUNCE_READ", "KM_SKB_SUNRPC_DATA", "KM_SKB_DATA_SOFTIRQ", "KM_USER0", "KM_USER1", "KM_BH_IRQ", "KM_SOFTIRQ0", "KM_SOFTIRQ1" },
            FixmapX86 = FixmapDefinitions.X86V2_4_22,
            ZoneInit = ZoneInitStyle.FreeAreaInit24,
            PrintsMemInit = true,
            Pkmap = PkmapPlacement.Fixed,
            KernelTableEntryFlags = Paging.PteValues.KernPgTable,   // fixrange_init() uses _KERNPG_TABLE
            HasKmapNonblock = true,
            SetFixmapBeyondEnd = "2.4.22 prints \"Invalid __set_fixmap\" and returns without changing anything.",
            KmapAtomicFlushesOnMap = true,
            BootPages = (_, _) => (0x101000, 0x104000),
            // list, mapping, index, next_hash, count, flags, lru, pprev_hash, buffers (44 bytes), and virtual under HIGHMEM.
            _structPageSize = (_, highMem) => highMem ? 48UL : 44UL,
            _pageFlagNames = PageFlagNames.V2_4_22,
            _zoneTableFlags = true,
        };
    }
}
