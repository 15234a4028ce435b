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
            HasNuma = true,
            HasNx = true,
            PageAddressHashConstant = 0x9E370001,  // GOLDEN_RATIO_PRIME_32, include/linux/hash.h
            PrintsVirtualLayout = true,
            // flags, _count, _mapcount, {private, mapping}, index, lru: 32 bytes on i386, 56 on x86-64.
            _structPageSize = (arch, _) => arch == Architecture.X86_64 ? 56UL : 32UL,
            _pageFlagNames = PageFlagNames.V2_6_24,
        };
    }
}
