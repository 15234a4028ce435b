using System.Collections.Generic;

namespace KernelVm.Physical
{
    /// <summary>
    /// The boot-time allocator as far as placement goes: bootmem (mm/bootmem.c) searches upward from a
    /// goal and falls back to the bottom of lowmem; memblock (6.x) allocates top-down below lowmem's end.
    /// Both skip what is reserved. What they hand out stays reserved: the page descriptors show PG_reserved.
    /// </summary>
    internal sealed class BootMem
    {
        private readonly List<PhysicalRange> _reserved = new();
        private readonly ulong _limit;
        private readonly bool _topDown;

        /// <param name="limit">One past the last byte bootmem manages: max_low_pfn << PAGE_SHIFT.</param>
        /// <param name="topDown">memblock's default direction (6.x): goals are ignored, the highest free range wins.</param>
        internal BootMem(ulong limit, bool topDown)
        {
            _limit = limit;
            _topDown = topDown;
        }

        internal IReadOnlyList<PhysicalRange> Reserved => _reserved;

        internal void Reserve(ulong start, ulong end, string owner)
        {
            var index = 0;
            while (index < _reserved.Count && _reserved[index].Start < start)
            {
                index++;
            }

            _reserved.Insert(index, new PhysicalRange(start, end, owner));
        }

        /// <summary>__alloc_bootmem_core: the first free, aligned range at or above the goal, else from 0.</summary>
        internal ulong Alloc(ulong size, ulong align, ulong goal, string owner)
        {
            var found = (_topDown ? FindTopDown(size, align) : FindFrom(size, align, goal) ?? FindFrom(size, align, 0))
                ?? throw Errors.BootMemExhausted(size, owner);
            Reserve(found, found + size, owner);
            return found;
        }

        /// <summary>A bottom-up allocation whatever the direction: bootmem's low pages, or 6.x's brk area after the kernel image.</summary>
        internal ulong AllocBottomUp(ulong size, ulong align, ulong goal, string owner)
        {
            var found = FindFrom(size, align, goal) ?? FindFrom(size, align, 0) ?? throw Errors.BootMemExhausted(size, owner);
            Reserve(found, found + size, owner);
            return found;
        }

        internal bool IsReserved(ulong physical)
        {
            foreach (var range in _reserved)
            {
                if (physical < range.Start)
                {
                    return false;
                }

                if (physical < range.End)
                {
                    return true;
                }
            }

            return false;
        }

        private ulong? FindFrom(ulong size, ulong align, ulong goal)
        {
            var start = AlignUp(goal, align);
            foreach (var range in _reserved)
            {
                if (start + size <= range.Start)
                {
                    break;
                }

                if (start < range.End)
                {
                    start = AlignUp(range.End, align);
                }
            }

            return start + size <= _limit ? start : null;
        }

        /// <summary>memblock_find_in_range() top-down: the highest aligned free range below the limit.</summary>
        private ulong? FindTopDown(ulong size, ulong align)
        {
            var end = _limit;
            for (var i = _reserved.Count - 1; i >= -1; i--)
            {
                var floor = i >= 0 ? _reserved[i].End : 0;
                if (end >= size && ((end - size) & ~(align - 1)) >= floor)
                {
                    return (end - size) & ~(align - 1);
                }

                if (i >= 0)
                {
                    end = System.Math.Min(end, _reserved[i].Start);
                }
            }

            return null;
        }

        private static ulong AlignUp(ulong value, ulong align) => (value + align - 1) & ~(align - 1);
    }

    /// <summary>A physical range [Start, End) and what it holds.</summary>
    public sealed record PhysicalRange(ulong Start, ulong End, string Owner);
}
