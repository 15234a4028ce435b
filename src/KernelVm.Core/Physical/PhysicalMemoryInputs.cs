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

        /// <summary>The early_node_map: each node's [start, end) pfns.</summary>
        internal IReadOnlyList<(ulong Start, ulong End)> NodeRanges { get; init; } = null!;
    }
}
