using System.Collections.Generic;

namespace KernelVm.Physical
{
    /// <summary>What free_area_init_nodes() needs from the rest of boot.</summary>
    internal sealed class PhysicalMemoryInputs
    {
        internal ulong MaxLowPfn { get; init; }

        internal ulong HighEndPfn { get; init; }

        internal ulong PageOffset { get; init; }

        internal MemoryModel Model { get; init; }

        internal Profiles.ZoneInitStyle Style { get; init; }

        internal ulong StructPageSize { get; init; }

        internal ulong? VmemmapBase { get; init; }

        internal PageFlagLayout Flags { get; init; } = null!;

        /// <summary>node_zones in index order for the architecture and config.</summary>
        internal IReadOnlyList<ZoneType> ZoneTypes { get; init; } = null!;

        /// <summary>
        /// The early_node_map (2.6.24) or memblock.memory (6.x): [start, end) pfns of RAM and their node, in
        /// order. A node spans its first to its last range; what lies between is a hole.
        /// </summary>
        internal IReadOnlyList<(ulong Start, ulong End, int Nid)> ActiveRanges { get; init; } = null!;

        /// <summary>The usable e820 pages, [start, end) pfns, or null when all of RAM is usable (page_is_ram()).</summary>
        internal IReadOnlyList<(ulong Start, ulong End)>? RamRanges { get; init; }

        /// <summary>CONFIG_NUMA: the machine has nodes of its own (-Node), so zonelists print their NUMA lines.</summary>
        internal bool Numa { get; init; }

        /// <summary>kernelcore= in pages (required_kernelcore), or null.</summary>
        internal ulong? KernelCorePages { get; init; }

        /// <summary>movablecore= in pages (required_movablecore), or null.</summary>
        internal ulong? MovableCorePages { get; init; }

        /// <summary>MAX_ACTIVE_REGIONS, which add_active_range() prints.</summary>
        internal int MaxActiveRegions { get; init; }

        /// <summary>MIGRATE_TYPES; 0 for a kernel without mobility grouping.</summary>
        internal int MigrateTypes { get; init; }

        /// <summary>pageblock_nr_pages.</summary>
        internal ulong PageblockPages { get; init; }

        /// <summary>PAGES_PER_SECTION under SPARSEMEM; 0 for FLATMEM, where every pfn below max_mapnr is valid.</summary>
        internal ulong SectionPages { get; init; }

        /// <summary>Each node's [start, end) pfns: its first range's start to its last range's end.</summary>
        internal IReadOnlyList<(ulong Start, ulong End)> NodeRanges
        {
            get
            {
                var nodes = new List<(ulong Start, ulong End)>();
                foreach (var (start, end, nid) in ActiveRanges)
                {
                    if (nid == nodes.Count)
                    {
                        nodes.Add((start, end));
                    }
                    else
                    {
                        nodes[nid] = (nodes[nid].Start, end);
                    }
                }

                return nodes;
            }
        }
    }
}
