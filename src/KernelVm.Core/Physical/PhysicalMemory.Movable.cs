using System.Collections.Generic;

namespace KernelVm.Physical
{
    public sealed partial class PhysicalMemory
    {
        /// <summary>find_usable_zone_for_movable(): the highest zone with pages, which ZONE_MOVABLE is carved from.</summary>
        private static int FindUsableZoneForMovable(IReadOnlyList<ZoneType> types, ulong[] lowest, ulong[] highest)
        {
            for (var i = types.Count - 1; i > 0; i--)
            {
                if (types[i] != ZoneType.Movable && highest[i] > lowest[i])
                {
                    return i;
                }
            }

            return 0;
        }

        /// <summary>
        /// find_zone_movable_pfns_for_nodes(): with kernelcore= (or movablecore=, turned into the kernelcore it
        /// leaves), spread the kernel's pages evenly over the nodes from the bottom; ZONE_MOVABLE starts where
        /// each node's share ends, rounded up to MAX_ORDER_NR_PAGES. 0 for a node without ZONE_MOVABLE.
        /// </summary>
        private static ulong[] FindZoneMovablePfnsForNodes(PhysicalMemoryInputs inputs, int nodes, ulong usableStartPfn)
        {
            var movablePfn = new ulong[nodes];
            ulong totalPages = 0;
            foreach (var (start, end, _) in inputs.ActiveRanges)
            {
                totalPages += end - start;
            }

            var requiredKernelcore = inputs.KernelCorePages ?? 0;
            if (inputs.MovableCorePages is { } movablecore)
            {
                // Round up so that ZONE_MOVABLE is at least as large as asked; more than all RAM leaves no kernelcore to add.
                var corePages = totalPages - System.Math.Min(totalPages, RoundUp(movablecore, MaxOrderNrPages));
                requiredKernelcore = System.Math.Max(requiredKernelcore, corePages);
            }

            // 6.x also gives up when the kernel is to keep everything.
            if (requiredKernelcore == 0 || (inputs.Style == Profiles.ZoneInitStyle.FreeAreaInit6 && requiredKernelcore >= totalPages))
            {
                return movablePfn;
            }

            var usableNodes = (ulong)nodes;
            do
            {
                var kernelcoreNode = requiredKernelcore / usableNodes;
                for (var nid = 0; nid < nodes; nid++)
                {
                    if (requiredKernelcore < kernelcoreNode)
                    {
                        kernelcoreNode = requiredKernelcore / usableNodes;
                    }

                    var remaining = kernelcoreNode;
                    foreach (var range in inputs.ActiveRanges)
                    {
                        var start = System.Math.Max(range.Start, movablePfn[nid]);
                        var end = range.End;
                        if (range.Nid != nid || start >= end)
                        {
                            continue;
                        }

                        // Pages below the zone ZONE_MOVABLE is taken from only count as kernelcore.
                        if (start < usableStartPfn)
                        {
                            var kernelPages = System.Math.Min(end, usableStartPfn) - start;
                            remaining -= System.Math.Min(kernelPages, remaining);
                            requiredKernelcore -= System.Math.Min(kernelPages, requiredKernelcore);
                            if (end <= usableStartPfn)
                            {
                                movablePfn[nid] = end;
                                continue;
                            }

                            start = usableStartPfn;
                        }

                        var sizePages = System.Math.Min(end - start, remaining);
                        movablePfn[nid] = start + sizePages;
                        requiredKernelcore -= System.Math.Min(requiredKernelcore, sizePages);
                        remaining -= sizePages;
                        if (remaining == 0)
                        {
                            break;
                        }
                    }
                }

                // What is still required is spread again over one node fewer.
                usableNodes--;
            }
            while (usableNodes > 0 && requiredKernelcore > usableNodes);

            for (var nid = 0; nid < nodes; nid++)
            {
                movablePfn[nid] = RoundUp(movablePfn[nid], MaxOrderNrPages);
            }

            return movablePfn;
        }

        /// <summary>Where ZONE_MOVABLE starts in each node, and adjust_zone_range_for_zone_movable().</summary>
        private sealed class Movable
        {
            private readonly ulong[] _startPfn;
            private readonly ulong _zoneEnd;

            /// <param name="alwaysFound">6.x runs find_usable_zone_for_movable() before it looks at kernelcore=; 2.6.24 only with it.</param>
            internal Movable(ulong[] startPfn, ulong zoneEnd, bool isHighMem, bool alwaysFound)
            {
                _startPfn = startPfn;
                _zoneEnd = zoneEnd;
                IsHighMem = isHighMem && (alwaysFound || System.Array.Exists(startPfn, p => p != 0));
            }

            /// <summary>zone_movable_is_highmem(): movable_zone, the zone ZONE_MOVABLE is carved from, is ZONE_HIGHMEM.</summary>
            internal bool IsHighMem { get; }

            internal (ulong Start, ulong End) Adjust(int nid, ZoneType type, ulong start, ulong end, ulong nodeEnd)
            {
                var movable = _startPfn[nid];
                if (movable == 0)
                {
                    return (start, end);
                }

                if (type == ZoneType.Movable)
                {
                    return (movable, System.Math.Min(nodeEnd, _zoneEnd));
                }

                return start < movable && end > movable ? (start, movable) : start >= movable ? (end, end) : (start, end);
            }
        }
    }
}
