using KernelVm.Physical;

namespace KernelVm.PowerShell
{
    /// <summary>A zone, as crash's kmem -z shows it.</summary>
    public sealed class VmZoneInfo
    {
        internal VmZoneInfo(Machine machine, Zone zone)
        {
            Machine = machine.Name;
            Node = zone.NodeId;
            Name = zone.Name;
            Type = zone.Type;
            Index = zone.Index;
            StartPfn = zone.StartPfn;
            EndPfn = zone.EndPfn;
            SpannedPages = zone.SpannedPages;
            PresentPages = zone.PresentPages;
            MemmapPages = zone.MemmapPages;
            ZoneMemMap = zone.ZoneMemMap;
            LifoBatch = zone.LifoBatch;
        }

        public int Node { get; }

        /// <summary>DMA, DMA32, Normal, HighMem or Movable.</summary>
        public string Name { get; }

        public ZoneType Type { get; }

        /// <summary>The index in node_zones, which page->flags stores.</summary>
        public int Index { get; }

        public Address StartPfn { get; }

        /// <summary>One past the last pfn.</summary>
        public Address EndPfn { get; }

        public ulong SpannedPages { get; }

        public ulong PresentPages { get; }

        public ulong MemmapPages { get; }

        /// <summary>The struct page of zone_start_pfn.</summary>
        public Address ZoneMemMap { get; }

        public ulong? LifoBatch { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
