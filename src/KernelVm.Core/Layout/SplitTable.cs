using KernelVm.Profiles;

namespace KernelVm.Layout
{
    /// <summary>The facts of each CONFIG_VMSPLIT_* option (arch/x86/Kconfig).</summary>
    public static class SplitTable
    {
        /// <summary>CONFIG_PAGE_OFFSET for a split.</summary>
        public static uint PageOffset(VmSplit split) => split switch
        {
            VmSplit.VMSPLIT_3G => 0xC0000000,
            VmSplit.VMSPLIT_3G_OPT => 0xB0000000,
            VmSplit.VMSPLIT_2G => 0x80000000,
            VmSplit.VMSPLIT_2G_OPT => 0x78000000,
            _ => 0x40000000,
        };

        /// <summary>
        /// The _OPT splits depend on !X86_PAE: a PAE top-level entry covers 1 GiB and the kernel's
        /// PMD is shared, so PAE only handles splits aligned to 1 GiB.
        /// </summary>
        public static bool AllowedWithPae(VmSplit split) => (PageOffset(split) & 0x3FFFFFFF) == 0;

        /// <summary>
        /// A row of Mauerer's Table 3-6 for a kernel: PAGE_OFFSET, MAXMEM with the default reserve, and
        /// whether Kconfig offers the split. MAXMEM is -PAGE_OFFSET - __VMALLOC_RESERVE (2.4.22, 2.6.24),
        /// or VMALLOC_END - PAGE_OFFSET - __VMALLOC_RESERVE (6.x), with VMALLOC_END that of the R1
        /// configuration (UP, HIGHMEM): the layout above VMALLOC_END does not depend on the split.
        /// </summary>
        public static (ulong PageOffset, ulong MaxMem, bool Allowed) Row(VmSplit split, KernelProfile kernel, bool pae)
        {
            var pageOffset = PageOffset(split);
            var allowed = (kernel.HasVmSplitOption || split == VmSplit.VMSPLIT_3G) && (!pae || AllowedWithPae(split));
            var top = kernel.MaxMemFromVmallocEnd ? R1VmallocEnd(kernel, pae) : 1UL << 32;
            return (pageOffset, top - pageOffset - kernel.VmallocReserve, allowed);
        }

        private static ulong R1VmallocEnd(KernelProfile kernel, bool pae)
        {
            var fixmaps = new Fixmap.FixmapEnum(kernel.FixmapX86, new Fixmap.FixmapInputs(KernelConfig.R1, true, kernel.KmTypeNr(false), pae ? 512 : 1024));
            return LayoutBuilder.Constants32(kernel, kernel.FixaddrTop, fixmaps, pae, true, KernelConfig.R1.NrCpus).VmallocEnd;
        }
    }
}
