using System.Collections.Generic;

namespace KernelVm.Physical
{
    public sealed partial class PhysicalMemory
    {
        /// <summary>
        /// build_all_zonelists(): vm_total_pages is nr_free_pagecache_pages(), the zones' present pages
        /// (2.6.24, where the memmap is already off them) or managed pages, which 6.x sets to
        /// present_pages until memblock frees into the buddy allocator; the watermarks are still 0.
        /// A NUMA kernel also prints each node's fallback order (6.x) and the policy zone.
        /// </summary>
        private void BuildAllZonelists(PhysicalMemoryInputs inputs, int nodes, ICollection<BootMessage> log)
        {
            var modern = inputs.Style == Profiles.ZoneInitStyle.FreeAreaInit6;
            var numa = inputs.Numa;
            if (numa && modern)
            {
                // build_zonelists(): the local node, then the others by distance; the model's distances are all equal.
                for (var nid = 0; nid < nodes; nid++)
                {
                    var order = new List<string> { nid.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                    for (var other = 0; other < nodes; other++)
                    {
                        if (other != nid)
                        {
                            order.Add(other.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        }
                    }

                    log.Add(Info(F("Fallback order for Node {0}: {1} ", nid, string.Join(" ", order))));
                }
            }

            ulong total = 0;
            foreach (var zone in _zones)
            {
                total += zone.PresentPages;
            }

            var grouping = total < inputs.PageblockPages * (ulong)inputs.MigrateTypes ? "off" : "on";
            // 2.6.24 printks it without a level; 6.x uses pr_info() and no longer names the zonelist order.
            log.Add(modern
                ? Info(F("Built {0} zonelists, mobility grouping {1}.  Total pages: {2}", nodes, grouping, total))
                : BootMessage.Unleveled(F("Built {0} zonelists in {1} order, mobility grouping {2}.  Total pages: {3}",
                    nodes, numa && NodeOrder(nodes) ? "Node" : "Zone", grouping, total)));
            if (numa)
            {
                // check_highest_zone(): the highest populated zone below ZONE_MOVABLE.
                var policy = _zones[0];
                foreach (var zone in _zones)
                {
                    policy = zone.PresentPages > 0 && zone.Type != ZoneType.Movable && zone.Index > policy.Index ? zone : policy;
                }

                var line = F("Policy zone: {0}", policy.Name);
                log.Add(modern ? Info(line) : BootMessage.Unleveled(line));
            }
        }

        /// <summary>
        /// default_zonelist_order() (2.6.24, NUMA): node order when DMA/DMA32 are absent or more than half of
        /// memory, or when a node bigger than average holds mostly DMA/DMA32; zone order otherwise.
        /// </summary>
        private bool NodeOrder(int nodes)
        {
            ulong Low(int nid, bool lowOnly)
            {
                ulong pages = 0;
                foreach (var zone in _zones)
                {
                    var low = zone.Type == ZoneType.DMA || zone.Type == ZoneType.DMA32;
                    pages += (nid < 0 || zone.NodeId == nid) && (!lowOnly || low) ? zone.PresentPages : 0;
                }

                return pages;
            }

            var lowKmem = Low(-1, true);
            var totalSize = Low(-1, false);
            if (lowKmem == 0 || lowKmem > totalSize / 2)
            {
                return true;
            }

            var average = totalSize / (ulong)(nodes + 1);
            for (var nid = 0; nid < nodes; nid++)
            {
                var low = Low(nid, true);
                var size = Low(nid, false);
                if (low > 0 && size > average && low > size * 70 / 100)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
