using System.Collections.Generic;

namespace KernelVm.Physical
{
    /// <summary>A struct pglist_data: contig_page_data on a UMA machine, NODE_DATA(nid) on NUMA.</summary>
    public sealed class Node
    {
        internal Node(int id, ulong startPfn, ulong spannedPages, ulong nodeMemMap, ulong? memMapPhysical, ulong memMapBytes, IReadOnlyList<Zone> zones)
        {
            Id = id;
            StartPfn = startPfn;
            SpannedPages = spannedPages;
            NodeMemMap = nodeMemMap;
            MemMapPhysical = memMapPhysical;
            MemMapBytes = memMapBytes;
            Zones = zones;
        }

        public int Id { get; }

        /// <summary>node_start_pfn.</summary>
        public ulong StartPfn { get; }

        /// <summary>node_spanned_pages.</summary>
        public ulong SpannedPages { get; }

        public ulong EndPfn => StartPfn + SpannedPages;

        /// <summary>node_present_pages: the sum of the zones' present pages.</summary>
        public ulong PresentPages
        {
            get
            {
                ulong sum = 0;
                foreach (var zone in Zones)
                {
                    sum += zone.PresentPages;
                }

                return sum;
            }
        }

        /// <summary>node_mem_map: the simulated kernel virtual address of the struct page of node_start_pfn.</summary>
        public ulong NodeMemMap { get; }

        /// <summary>
        /// Where alloc_node_mem_map() placed the map in physical memory (the MAX_ORDER-rounded start);
        /// null for vmemmap, which has no single physical block.
        /// </summary>
        public ulong? MemMapPhysical { get; }

        /// <summary>Bytes alloc_node_mem_map() allocated, rounded to MAX_ORDER_NR_PAGES pages of struct page.</summary>
        public ulong MemMapBytes { get; }

        /// <summary>node_zones, in zone index order (empty zones included, as the kernel keeps them).</summary>
        public IReadOnlyList<Zone> Zones { get; }

        public bool Contains(ulong pfn) => pfn >= StartPfn && pfn < EndPfn;
    }
}
