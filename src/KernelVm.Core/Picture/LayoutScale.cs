using System;
using System.Collections.Generic;
using KernelVm.Layout;

namespace KernelVm.Picture
{
    /// <summary>
    /// The heights of the regions' rows in a picture. A linear scale cannot work: the 4 KiB FIX_HOLE
    /// beside 3 GiB of user space is 1 to 786432, and on x86-64 the non-canonical hole is 99.99% of the
    /// space. A log scale of addresses is no better, as it crushes everything the kernel keeps near the
    /// top of the space into a sliver. So every row gets the height its labels need, plus a share that
    /// grows with the logarithm of the region's size: each doubling of the size adds the same height.
    /// A bigger region is still a taller row, every label is readable, and the rows print the exact
    /// bounds and size for anyone who needs the real proportions.
    /// </summary>
    public static class LayoutScale
    {
        /// <summary>
        /// The height of each region's row, in the regions' order: <paramref name="minimum"/> plus
        /// <paramref name="perDoubling"/> for every doubling of its size past one page, the doubling share
        /// shrunk as needed to keep the rows within <paramref name="maximumTotal"/> (never below the minimums).
        /// </summary>
        public static double[] Heights(IReadOnlyList<MemoryRegion> regions, double minimum, double perDoubling, double maximumTotal)
        {
            var doublings = new double[regions.Count];
            var total = 0.0;
            for (var i = 0; i < regions.Count; i++)
            {
                doublings[i] = Math.Log(Math.Max(1.0, regions[i].Size / (double)Machine.PageSize), 2);
                total += doublings[i];
            }

            var room = maximumTotal - minimum * regions.Count;
            var step = total <= 0 ? 0 : Math.Max(0, Math.Min(perDoubling, room / total));
            var heights = new double[regions.Count];
            for (var i = 0; i < regions.Count; i++)
            {
                // Whole pixels keep the edges crisp and the file the same on every platform.
                heights[i] = Math.Round(minimum + step * doublings[i], MidpointRounding.AwayFromZero);
            }

            return heights;
        }
    }
}
