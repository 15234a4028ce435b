using System.Collections.Generic;

namespace KernelVm.Workloads
{
    /// <summary>Picks the page of the next kmap or kmap_atomic from the page set, as the pattern says.</summary>
    internal sealed class PageSampler
    {
        private readonly IReadOnlyList<ulong> _pages;
        private readonly WorkloadPattern _pattern;
        private readonly int _hot;
        private readonly int _hotAccessPercent;
        private long _next;

        internal PageSampler(IReadOnlyList<ulong> pages, WorkloadPattern pattern, int hotPercent, int hotAccessPercent)
        {
            _pages = pages;
            _pattern = pattern;
            _hot = (int)System.Math.Max(1, (long)pages.Count * hotPercent / 100);
            _hotAccessPercent = hotAccessPercent;
        }

        /// <summary>HotCold: the first this many pages are hot.</summary>
        internal int HotPages => _hot;

        internal ulong Next(SplitMix64 rng) => _pattern switch
        {
            WorkloadPattern.Sequential => _pages[(int)(_next++ % _pages.Count)],
            WorkloadPattern.Random => _pages[rng.Below(_pages.Count)],
            _ => HotCold(rng),
        };

        private ulong HotCold(SplitMix64 rng)
        {
            if (_hot == _pages.Count || rng.Below(100) < _hotAccessPercent)
            {
                return _pages[rng.Below(_hot)];
            }

            return _pages[_hot + rng.Below(_pages.Count - _hot)];
        }
    }
}
