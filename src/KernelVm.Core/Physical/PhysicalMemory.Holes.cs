using System.Collections.Generic;

namespace KernelVm.Physical
{
    public sealed partial class PhysicalMemory
    {
        /// <summary>
        /// 6.x memmap_init(): walk memblock's ranges zone by zone; the pfns between one range's end and the
        /// next range's start in a zone get a reserved struct page (init_unavailable_range()), counted per
        /// zone where pfn_valid() holds: every pfn on FLATMEM, present sections on SPARSEMEM, whose last
        /// section is filled up too.
        /// </summary>
        private void MemmapInit(PhysicalMemoryInputs inputs, ICollection<BootMessage> log)
        {
            ulong hole = 0;
            var lastZone = 0;
            var lastNid = 0;
            foreach (var (start, end, nid) in inputs.ActiveRanges)
            {
                foreach (var zone in _nodes[nid].Zones)
                {
                    if (zone.PresentPages == 0)
                    {
                        continue;
                    }

                    lastZone = zone.Index;
                    var from = System.Math.Min(System.Math.Max(start, zone.StartPfn), zone.EndPfn);
                    var to = System.Math.Min(System.Math.Max(end, zone.StartPfn), zone.EndPfn);
                    if (from >= to)
                    {
                        continue;
                    }

                    if (hole < from)
                    {
                        InitUnavailableRange(inputs, hole, from, zone, log);
                    }

                    hole = to;
                }

                lastNid = nid;
            }

            var tail = inputs.ActiveRanges[inputs.ActiveRanges.Count - 1].End;
            if (inputs.SectionPages > 0 && hole < RoundUp(tail, inputs.SectionPages))
            {
                InitUnavailableRange(inputs, hole, RoundUp(tail, inputs.SectionPages), _nodes[lastNid].Zones[lastZone], log);
            }
        }

        private static void InitUnavailableRange(PhysicalMemoryInputs inputs, ulong start, ulong end, Zone zone, ICollection<BootMessage> log)
        {
            ulong count = 0;
            if (inputs.SectionPages == 0)
            {
                count = end - start;
            }
            else
            {
                for (var pfn = start; pfn < end;)
                {
                    var next = System.Math.Min(RoundUp(pfn + 1, inputs.SectionPages), end);
                    count += SectionPresent(inputs, pfn / inputs.SectionPages) ? next - pfn : 0;
                    pfn = next;
                }
            }

            if (count > 0)
            {
                log.Add(Info(F("On node {0}, zone {1}: {2} pages in unavailable ranges", zone.NodeId, zone.Name, count)));
            }
        }

        /// <summary>A SPARSEMEM section is present when some memblock range reaches into it (memblocks_present()).</summary>
        private static bool SectionPresent(PhysicalMemoryInputs inputs, ulong section)
        {
            var first = section * inputs.SectionPages;
            foreach (var (start, end, _) in inputs.ActiveRanges)
            {
                if (start < first + inputs.SectionPages && end > first)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
