namespace KernelVm.Physical
{
    /// <summary>A struct zone, after free_area_init_core() sized it.</summary>
    public sealed class Zone
    {
        internal Zone(int nodeId, ZoneType type, int index, ulong startPfn, ulong spannedPages, ulong memmapPages, ulong presentPages, ulong zoneMemMap, bool hasPerCpuLists, bool movableIsHighMem = false)
        {
            IsHighMem = type == ZoneType.HighMem || (type == ZoneType.Movable && movableIsHighMem);
            NodeId = nodeId;
            Type = type;
            Index = index;
            StartPfn = startPfn;
            SpannedPages = spannedPages;
            MemmapPages = memmapPages;
            PresentPages = presentPages;
            ZoneMemMap = zoneMemMap;
            LifoBatch = hasPerCpuLists ? BatchSize(presentPages) : null;
        }

        public int NodeId { get; }

        /// <summary>is_highmem(): ZONE_HIGHMEM, or ZONE_MOVABLE when it was carved from highmem (zone_movable_is_highmem()).</summary>
        public bool IsHighMem { get; }

        public ZoneType Type { get; }

        /// <summary>The kernel's name for the zone (zone_names[]): DMA, DMA32, Normal, HighMem, Movable.</summary>
        public string Name => Type == ZoneType.HighMem ? "HighMem" : Type.ToString();

        /// <summary>The zone's index in node_zones, which is what page->flags stores.</summary>
        public int Index { get; }

        /// <summary>zone_start_pfn.</summary>
        public ulong StartPfn { get; }

        public ulong SpannedPages { get; }

        /// <summary>One past the zone's last pfn.</summary>
        public ulong EndPfn => StartPfn + SpannedPages;

        /// <summary>Pages of this zone's share of mem_map: spanned pages x sizeof(struct page), in pages.</summary>
        public ulong MemmapPages { get; }

        /// <summary>present_pages: spanned pages less holes and the memmap pages.</summary>
        public ulong PresentPages { get; }

        /// <summary>zone_mem_map: the simulated kernel virtual address of the zone's first struct page.</summary>
        public ulong ZoneMemMap { get; }

        /// <summary>zone_batchsize(): the per-CPU page list batch the boot log prints as "LIFO batch"; null in 2.4.22, which has no per-CPU lists.</summary>
        public ulong? LifoBatch { get; }

        public bool Contains(ulong pfn) => pfn >= StartPfn && pfn < EndPfn;

        /// <summary>zone_batchsize() (mm/page_alloc.c, 2.6.24).</summary>
        internal static ulong BatchSize(ulong presentPages)
        {
            // About a thousandth of the zone, at most 512 KiB worth, a quarter of that, then one less than a power of two.
            var batch = presentPages / 1024;
            if (batch * Machine.PageSize > 512 * 1024)
            {
                batch = 512 * 1024 / Machine.PageSize;
            }

            batch /= 4;
            if (batch < 1)
            {
                batch = 1;
            }

            return (1UL << (Fls(batch + batch / 2) - 1)) - 1;
        }

        /// <summary>fls(): the 1-based position of the most significant set bit.</summary>
        private static int Fls(ulong x)
        {
            var n = 0;
            while (x != 0)
            {
                n++;
                x >>= 1;
            }

            return n;
        }
    }
}
