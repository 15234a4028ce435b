using System.Collections.Generic;
using System.Globalization;
using KernelVm.Profiles;

namespace KernelVm.Physical
{
    /// <summary>
    /// Nodes, zones and mem_map as free_area_init_nodes() builds them (mm/page_alloc.c, 2.6.24),
    /// with pfn_to_page() and friends for the machine's memory model.
    /// </summary>
    public sealed partial class PhysicalMemory
    {
        /// <summary>MAX_ORDER_NR_PAGES: alloc_node_mem_map() rounds each node's map to this many pages.</summary>
        private const ulong MaxOrderNrPages = 1UL << 10;

        /// <summary>__pa(MAX_DMA_ADDRESS) >> PAGE_SHIFT: ZONE_DMA is the first 16 MiB.</summary>
        internal const ulong MaxDmaPfn = (16UL << 20) >> Machine.PageShift;

        /// <summary>MAX_DMA32_PFN: ZONE_DMA32 ends at 4 GiB (x86-64).</summary>
        private const ulong MaxDma32Pfn = 1UL << 20;

        private readonly List<Node> _nodes = new();
        private readonly List<Zone> _zones = new();
        private readonly PageFlagLayout _flags;
        private readonly BootMem _bootMem;
        private readonly ulong _maxLowPfn;
        private readonly IReadOnlyList<(ulong Start, ulong End)>? _ram;

        internal PhysicalMemory(PhysicalMemoryInputs inputs, BootMem bootMem, ICollection<BootMessage> log)
        {
            _bootMem = bootMem;
            _maxLowPfn = inputs.MaxLowPfn;
            _ram = inputs.RamRanges;
            Model = inputs.Model;
            StructPageSize = inputs.StructPageSize;
            _flags = inputs.Flags;
            VmemmapBase = inputs.VmemmapBase;
            if (inputs.Style == Profiles.ZoneInitStyle.FreeAreaInit24)
            {
                FreeAreaInit24(inputs, log);
            }
            else
            {
                FreeAreaInitNodes(inputs, log);
            }
        }

        public MemoryModel Model { get; }

        /// <summary>sizeof(struct page) for this kernel and architecture.</summary>
        public ulong StructPageSize { get; }

        /// <summary>mem_map (FLATMEM), or the first node's node_mem_map.</summary>
        public ulong MemMap => _nodes[0].NodeMemMap - _nodes[0].StartPfn * StructPageSize;

        /// <summary>x86-64's vmemmap, or null.</summary>
        public ulong? VmemmapBase { get; }

        public IReadOnlyList<Node> Nodes => _nodes;

        /// <summary>Every zone of every node, node by node in zone order.</summary>
        public IReadOnlyList<Zone> Zones => _zones;

        /// <summary>One past the last pfn with a struct page (max_mapnr on FLATMEM).</summary>
        public ulong MaxMapNr => _nodes[_nodes.Count - 1].EndPfn;

        /// <summary>pfn_valid().</summary>
        public bool PfnValid(ulong pfn) => pfn < MaxMapNr;

        public Zone ZoneOf(ulong pfn)
        {
            for (var i = 0; i < _zones.Count; i++)
            {
                if (_zones[i].Contains(pfn))
                {
                    return _zones[i];
                }
            }

            throw Errors.PfnBeyondMemMap(pfn, MaxMapNr);
        }

        public Node NodeOf(ulong pfn)
        {
            foreach (var node in _nodes)
            {
                if (node.Contains(pfn))
                {
                    return node;
                }
            }

            throw Errors.PfnBeyondMemMap(pfn, MaxMapNr);
        }

        /// <summary>pfn_to_page(): the simulated address of a page's struct page.</summary>
        public ulong PfnToPage(ulong pfn) => Model switch
        {
            MemoryModel.SparsememVmemmap => VmemmapBase!.Value + pfn * StructPageSize,
            _ => NodeOf(pfn) is var node ? node.NodeMemMap + (pfn - node.StartPfn) * StructPageSize : 0,
        };

        /// <summary>page_to_pfn(): the pfn of a struct page address, or null when the address is not one.</summary>
        public ulong? PageToPfn(ulong pageAddress)
        {
            foreach (var node in _nodes)
            {
                var first = PfnToPage(node.StartPfn);
                if (pageAddress >= first && (pageAddress - first) % StructPageSize == 0 && (pageAddress - first) / StructPageSize < node.SpannedPages)
                {
                    return node.StartPfn + (pageAddress - first) / StructPageSize;
                }
            }

            return null;
        }

        /// <summary>The page descriptor of a pfn, as boot left it: reserved if bootmem never released it, else free.</summary>
        public PageDescriptor GetPage(ulong pfn)
        {
            var zone = ZoneOf(pfn);
            // A hole's struct page stays reserved: set_highmem_pages_init() and init_unavailable_range() leave it so.
            var reserved = (pfn < _maxLowPfn && _bootMem.IsReserved(pfn << Machine.PageShift)) || !IsRam(pfn);
            var flags = _flags.ZoneBits(zone.NodeId, zone.Index) | (reserved ? 1UL << _flags.PgReserved : 0);
            return new PageDescriptor(pfn, PfnToPage(pfn), flags, _flags.Names(flags), reserved ? 1 : 0, -1, zone);
        }

        /// <summary>page_is_ram(): the pfn lies in a usable e820 range (every pfn without a map).</summary>
        private bool IsRam(ulong pfn)
        {
            if (_ram is null)
            {
                return true;
            }

            foreach (var (start, end) in _ram)
            {
                if (pfn >= start && pfn < end)
                {
                    return true;
                }
            }

            return false;
        }

        private void FreeAreaInitNodes(PhysicalMemoryInputs inputs, ICollection<BootMessage> log)
        {
            var types = inputs.ZoneTypes;
            var modern = inputs.Style == Profiles.ZoneInitStyle.FreeAreaInit6;

            // 6.x zone_sizes_init() (arch/x86/mm/init.c) caps DMA and DMA32 at max_low_pfn; 2.6.24 does not.
            var maxZonePfn = new ulong[types.Count];
            for (var i = 0; i < types.Count; i++)
            {
                maxZonePfn[i] = types[i] switch
                {
                    ZoneType.DMA => modern ? System.Math.Min(MaxDmaPfn, inputs.MaxLowPfn) : MaxDmaPfn,
                    ZoneType.DMA32 => modern ? System.Math.Min(MaxDma32Pfn, inputs.MaxLowPfn) : MaxDma32Pfn,
                    ZoneType.Normal => inputs.MaxLowPfn,
                    ZoneType.HighMem => inputs.HighEndPfn,
                    _ => 0,
                };
            }

            var ranges = inputs.ActiveRanges;
            if (!modern)
            {
                // add_active_range() (KERN_DEBUG), before it merges the range into early_node_map[].
                for (var r = 0; r < ranges.Count; r++)
                {
                    log.Add(new BootMessage(PrintkLevel.Debug, F("Entering add_active_range({0}, {1}, {2}) {3} entries of {4} used",
                        ranges[r].Nid, ranges[r].Start, ranges[r].End, r, inputs.MaxActiveRegions)));
                }
            }

            // Zone i starts where zone i-1 ends, the first at the lowest registered pfn; ZONE_MOVABLE stays empty without kernelcore=.
            var lowest = new ulong[types.Count];
            var highest = new ulong[types.Count];
            lowest[0] = ranges[0].Start;
            highest[0] = maxZonePfn[0];
            for (var i = 1; i < types.Count; i++)
            {
                if (types[i] == ZoneType.Movable)
                {
                    continue;
                }

                lowest[i] = highest[i - 1];
                highest[i] = System.Math.Max(maxZonePfn[i], lowest[i]);
            }

            var movableZone = FindUsableZoneForMovable(types, lowest, highest);
            var nodes = inputs.NodeRanges;
            var movablePfn = FindZoneMovablePfnsForNodes(inputs, nodes.Count, lowest[movableZone]);

            // 2.6.24's free_area_init_nodes() printks these without a level; 6.x uses pr_info().
            BootMessage Line(string text) => modern ? Info(text) : BootMessage.Unleveled(text);
            log.Add(Line(modern ? "Zone ranges:" : "Zone PFN ranges:"));
            for (var i = 0; i < types.Count; i++)
            {
                if (types[i] == ZoneType.Movable)
                {
                    continue;
                }

                log.Add(Line(!modern ? F("  {0,-8} {1,8} -> {2,8}", ZoneName(types[i]), lowest[i], highest[i])
                    : highest[i] > lowest[i] ? F("  {0,-8} {1}", ZoneName(types[i]), MemRange(lowest[i], highest[i]))
                    : F("  {0,-8} empty", ZoneName(types[i]))));
            }

            log.Add(Line(modern ? "Movable zone start for each node" : "Movable zone start PFN for each node"));
            for (var n = 0; n < movablePfn.Length; n++)
            {
                if (movablePfn[n] != 0)
                {
                    log.Add(Line(modern ? F("  Node {0}: 0x{1:x16}", n, movablePfn[n] << Machine.PageShift) : F("  Node {0}: {1}", n, movablePfn[n])));
                }
            }

            log.Add(Line(modern ? "Early memory node ranges" : F("early_node_map[{0}] active PFN ranges", ranges.Count)));
            foreach (var (start, end, nid) in ranges)
            {
                log.Add(Line(modern ? F("  node {0,3}: {1}", nid, MemRange(start, end)) : F("  {0,3}: {1,8} -> {2,8}", nid, start, end)));
            }

            var movable = new Movable(movablePfn, highest[movableZone], types[movableZone] == ZoneType.HighMem, modern);
            for (var n = 0; n < nodes.Count; n++)
            {
                FreeAreaInitNode(n, nodes[n], inputs, types, lowest, highest, movable, log);
            }

            if (modern)
            {
                MemmapInit(inputs, log);
            }

            BuildAllZonelists(inputs, nodes.Count, log);
        }

        /// <summary>free_area_init_node(): size the node, place its mem_map, then free_area_init_core() per zone.</summary>
        private void FreeAreaInitNode(int nid, (ulong Start, ulong End) node, PhysicalMemoryInputs inputs, IReadOnlyList<ZoneType> types, ulong[] lowest, ulong[] highest, Movable movable, ICollection<BootMessage> log)
        {
            var (nodeStart, nodeEnd) = node;
            var modern = inputs.Style == Profiles.ZoneInitStyle.FreeAreaInit6;
            if (modern)
            {
                log.Add(Info(F("Initmem setup node {0} {1}", nid, MemRange(nodeStart, nodeEnd))));
            }

            var nodeMemMap = AllocNodeMemMap(nid, nodeStart, nodeEnd, inputs, out var mapPhysical, out var mapBytes);
            // calculate_node_totalpages(): printk(KERN_DEBUG) in 2.6.24; 6.x's pr_debug() is compiled out without DEBUG.
            if (!modern)
            {
                log.Add(new BootMessage(PrintkLevel.Debug, F("On node {0} totalpages: {1}", nid, PagesIn(inputs.ActiveRanges, nid, nodeStart, nodeEnd))));
            }

            var zones = new List<Zone>();
            var zoneStart = nodeStart;
            for (var i = 0; i < types.Count; i++)
            {
                // zone_spanned_pages_in_node(): the zone's arch range, moved for ZONE_MOVABLE, clipped to the node.
                var (from, to) = movable.Adjust(nid, types[i], lowest[i], highest[i], nodeEnd);
                ulong size = 0;
                if (to >= nodeStart && from <= nodeEnd && System.Math.Min(to, nodeEnd) > System.Math.Max(from, nodeStart))
                {
                    size = System.Math.Min(to, nodeEnd) - System.Math.Max(from, nodeStart);
                }

                // zone_absent_pages_in_node(): the holes between the registered ranges are not present.
                var realSize = PagesIn(inputs.ActiveRanges, nid, zoneStart, zoneStart + size);

                // 6.x no longer takes the memmap off present_pages, and prints neither memmap line.
                var memmapPages = modern ? 0 : (size * StructPageSize) >> Machine.PageShift;
                if (!modern && realSize >= memmapPages)
                {
                    realSize -= memmapPages;
                    log.Add(new BootMessage(PrintkLevel.Debug, F("  {0} zone: {1} pages used for memmap", ZoneName(types[i]), memmapPages)));
                }
                else if (!modern)
                {
                    log.Add(new BootMessage(PrintkLevel.Warning, F("  {0} zone: {1} pages exceeds realsize {2}", ZoneName(types[i]), memmapPages, realSize)));
                }

                // dma_reserve is 0: nothing asks set_dma_reserve() on a PC.
                if (i == 0 && realSize > 0 && !modern)
                {
                    log.Add(new BootMessage(PrintkLevel.Debug, F("  {0} zone: 0 pages reserved", ZoneName(types[i]))));
                }

                var zone = new Zone(nid, types[i], i, zoneStart, size, memmapPages, realSize,
                    nodeMemMap + (zoneStart - nodeStart) * StructPageSize, hasPerCpuLists: !modern, movable.IsHighMem);
                if (realSize > 0 && !modern)
                {
                    log.Add(new BootMessage(PrintkLevel.Debug, F("  {0} zone: {1} pages, LIFO batch:{2}", ZoneName(types[i]), realSize, zone.LifoBatch!.Value)));
                }

                zones.Add(zone);
                _zones.Add(zone);
                zoneStart += size;
            }

            _nodes.Add(new Node(nid, nodeStart, nodeEnd - nodeStart, nodeMemMap, mapPhysical, mapBytes, zones));
        }

        /// <summary>The registered pages of a node in [start, end).</summary>
        private static ulong PagesIn(IReadOnlyList<(ulong Start, ulong End, int Nid)> ranges, int nid, ulong start, ulong end)
        {
            ulong pages = 0;
            foreach (var range in ranges)
            {
                var from = System.Math.Max(range.Start, start);
                var to = System.Math.Min(range.End, end);
                pages += range.Nid == nid && from < to ? to - from : 0;
            }

            return pages;
        }

        private static ulong RoundUp(ulong value, ulong step) => (value + step - 1) / step * step;

        /// <summary>
        /// alloc_node_mem_map(): round the node to MAX_ORDER_NR_PAGES, allocate that many struct pages
        /// from bootmem with the goal __pa(MAX_DMA_ADDRESS), and point node_mem_map at node_start_pfn's entry.
        /// </summary>
        private ulong AllocNodeMemMap(int nid, ulong startPfn, ulong endPfn, PhysicalMemoryInputs inputs, out ulong? physical, out ulong bytes)
        {
            var start = startPfn & ~(MaxOrderNrPages - 1);
            var end = (endPfn + MaxOrderNrPages - 1) & ~(MaxOrderNrPages - 1);
            bytes = (end - start) * StructPageSize;
            if (Model == MemoryModel.SparsememVmemmap)
            {
                // The map is virtually contiguous at vmemmap; vmemmap_populate() backs it section by section.
                physical = null;
                return VmemmapBase!.Value + startPfn * StructPageSize;
            }

            var goal = System.Math.Max(MaxDmaPfn, startPfn < _maxLowPfn ? startPfn : 0) << Machine.PageShift;
            var map = _bootMem.Alloc(bytes, Machine.PageSize, goal, "node " + nid + " mem_map");
            physical = map;
            return inputs.PageOffset + map + (startPfn - start) * StructPageSize;
        }

        /// <summary>
        /// 2.4.22's free_area_init_core(): zones sized by zone_sizes_init() (DMA up to 16 MiB, Normal up to
        /// max_low_pfn, HighMem above), one lmem_map of (totalpages + 1) struct pages from bootmem, its offset
        /// from PAGE_OFFSET rounded up to a multiple of sizeof(struct page) (MAP_ALIGN). No memmap is
        /// subtracted from the zones, and there are no per-CPU page lists.
        /// </summary>
        private void FreeAreaInit24(PhysicalMemoryInputs inputs, ICollection<BootMessage> log)
        {
            var total = inputs.NodeRanges[0].End;
            var bytes = (total + 1) * StructPageSize;
            var physical = _bootMem.Alloc(bytes, Machine.PageSize, MaxDmaPfn << Machine.PageShift, "node 0 mem_map");
            var remainder = physical % StructPageSize;
            var memMap = inputs.PageOffset + (remainder == 0 ? physical : physical + StructPageSize - remainder);
            // 2.4.22's free_area_init_core() printks these without a level.
            log.Add(BootMessage.Unleveled(F("On node 0 totalpages: {0}", total)));

            var bounds = new[] { System.Math.Min(MaxDmaPfn, inputs.MaxLowPfn), inputs.MaxLowPfn, total };
            var zones = new List<Zone>();
            ulong start = 0;
            for (var i = 0; i < inputs.ZoneTypes.Count; i++)
            {
                var size = bounds[i] - start;
                log.Add(BootMessage.Unleveled(F("zone({0}): {1} pages.", i, size)));

                // The buddy allocator needs each non-empty zone to start on a MAX_ORDER block (zone_required_alignment).
                if (size > 0 && (start & (MaxOrderNrPages - 1)) != 0)
                {
                    log.Add(BootMessage.Unleveled("BUG: wrong zone alignment, it will crash"));
                }
                var zone = new Zone(0, inputs.ZoneTypes[i], i, start, size, 0, size, memMap + start * StructPageSize, hasPerCpuLists: false);
                zones.Add(zone);
                _zones.Add(zone);
                start += size;
            }

            _nodes.Add(new Node(0, 0, total, memMap, physical, bytes, zones));
        }

        /// <summary>"[mem %#018Lx-%#018Lx]": the byte range of [start, end) pfns, last byte inclusive.</summary>
        private static string MemRange(ulong startPfn, ulong endPfn) =>
            F("[mem 0x{0:x16}-0x{1:x16}]", startPfn << Machine.PageShift, (endPfn << Machine.PageShift) - 1);

        internal static string ZoneName(ZoneType type) => type == ZoneType.HighMem ? "HighMem" : type.ToString();

        private static BootMessage Info(string text) => new(PrintkLevel.Info, text);

        private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
