using System.Collections.Generic;

namespace KernelVm.Physical
{
    /// <summary>
    /// The boot-time allocator (mm/bootmem.c) as far as placement goes: allocations search upward
    /// from a goal and fall back to the bottom of lowmem, skipping what is reserved. What it hands
    /// out stays reserved; the page descriptors show it as PG_reserved.
    /// </summary>
    internal sealed class BootMem
    {
        private readonly List<PhysicalRange> _reserved = new();
        private readonly ulong _limit;

        /// <param name="limit">One past the last byte bootmem manages: max_low_pfn << PAGE_SHIFT.</param>
        internal BootMem(ulong limit)
        {
            _limit = limit;
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
            var found = FindFrom(size, align, goal) ?? FindFrom(size, align, 0)
                ?? throw Errors.BootMemExhausted(size, owner);
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

        private static ulong AlignUp(ulong value, ulong align) => (value + align - 1) & ~(align - 1);
    }

    /// <summary>A physical range [Start, End) and what it holds.</summary>
    public sealed record PhysicalRange(ulong Start, ulong End, string Owner);
}
