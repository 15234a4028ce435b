using System.Collections.Generic;

namespace KernelVm.Physical
{
    /// <summary>
    /// A struct page as the machine holds it now, computed from the pfn: the model keeps no
    /// 32-byte record per page, only what differs from the state boot leaves a page in.
    /// </summary>
    public readonly struct PageDescriptor
    {
        internal PageDescriptor(ulong pfn, ulong address, ulong flags, IReadOnlyList<string> flagNames, int count, int mapCount, Zone zone)
        {
            Pfn = pfn;
            Address = address;
            Flags = flags;
            FlagNames = flagNames;
            Count = count;
            MapCount = mapCount;
            Zone = zone;
        }

        public ulong Pfn { get; }

        /// <summary>The simulated kernel virtual address of this struct page (pfn_to_page).</summary>
        public ulong Address { get; }

        /// <summary>page->flags, with the zone (and node) bits in the top bits as the kernel packs them.</summary>
        public ulong Flags { get; }

        /// <summary>The PG_* bits set in <see cref="Flags"/>, by name.</summary>
        public IReadOnlyList<string> FlagNames { get; }

        /// <summary>_count: references; 0 for a free page.</summary>
        public int Count { get; }

        /// <summary>_mapcount: user PTEs mapping the page, -1 for none.</summary>
        public int MapCount { get; }

        public Zone Zone { get; }

        public int NodeId => Zone.NodeId;

        public ulong PhysicalAddress => Pfn << Machine.PageShift;
    }
}
