using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace KernelVm.Physical
{
    /// <summary>
    /// How a kernel packs page->flags: the PG_* bits from the bottom, and the zone (and node) from
    /// the top (include/linux/mm.h, page-flags.h).
    /// </summary>
    internal sealed class PageFlagLayout
    {
        private readonly string?[] _names;
        private readonly int _wordBits;
        private readonly int _nodesWidth;
        private readonly int _zonesWidth;
        private readonly int _zonesPerNode;
        private readonly ConcurrentDictionary<ulong, IReadOnlyList<string>> _decoded = new();
        private readonly Func<ulong, IReadOnlyList<string>> _decode;

        /// <param name="names">PG_* names by bit number; null for unused bits.</param>
        /// <param name="zonesPerNode">
        /// 0 when node and zone are separate fields (2.6.24: | NODE | ZONE | ... | FLAGS |);
        /// MAX_NR_ZONES when the top field is an index into zone_table (2.4.22: nid * MAX_NR_ZONES + zone).
        /// </param>
        internal PageFlagLayout(string?[] names, int wordBits, int nodesWidth, int zonesWidth, int zonesPerNode = 0)
        {
            _names = names;
            _wordBits = wordBits;
            _nodesWidth = nodesWidth;
            _zonesWidth = zonesWidth;
            _zonesPerNode = zonesPerNode;
            PgReserved = Array.IndexOf(names, "PG_reserved");
            _decode = Decode;
        }

        internal int PgReserved { get; }

        internal ulong ZoneBits(int node, int zone)
        {
            if (_zonesPerNode > 0)
            {
                return (ulong)(node * _zonesPerNode + zone) << (_wordBits - _zonesWidth);
            }

            var nodeShift = _wordBits - _nodesWidth;
            var zoneShift = nodeShift - _zonesWidth;
            return (_nodesWidth > 0 ? (ulong)node << nodeShift : 0) | ((ulong)zone << zoneShift);
        }

        /// <summary>The PG_* names set in a flags word; cached, since a machine has only a handful of distinct words.</summary>
        internal IReadOnlyList<string> Names(ulong flags) => _decoded.GetOrAdd(flags, _decode);

        private IReadOnlyList<string> Decode(ulong flags)
        {
            var set = new List<string>();
            for (var bit = 0; bit < _names.Length; bit++)
            {
                if (_names[bit] is { } name && (flags & (1UL << bit)) != 0)
                {
                    set.Add(name);
                }
            }

            return set;
        }
    }
}
