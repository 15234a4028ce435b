using System.Collections.Generic;
using System.Globalization;
using KernelVm.Profiles;

namespace KernelVm.Physical
{
    /// <summary>
    /// Boot-time sizing of lowmem and highmem: find_max_low_pfn() and setup_memory() of
    /// arch/x86/kernel/setup_32.c (2.6.24; the same logic as 2.4.22's setup.c).
    /// </summary>
    internal static class MemorySizing
    {
        /// <summary>MAX_NONPAE_PFN: 4 GiB, the most a non-PAE kernel can address.</summary>
        internal const ulong MaxNonPaePfn = 1UL << 20;

        /// <summary>highmem= may not leave less than 64 MiB of lowmem.</summary>
        private const ulong MinLowmemPages = (64UL << 20) >> Machine.PageShift;

        /// <param name="highmemPages">The highmem= option in pages, or null when it was not given.</param>
        internal static LowHighSplit FindMaxLowPfn(ulong maxPfn, ulong maxMemPfn, HighMemSupport highMem, ulong? highmemPages, ICollection<BootMessage> log)
        {
            if (maxPfn > maxMemPfn)
            {
                return MoreThanMaxMem(maxPfn, maxMemPfn, highMem, highmemPages, log);
            }

            // All RAM fits in the direct map; highmem= can still carve highmem off the top of it.
            var pages = highmemPages ?? 0;
            if (highMem == HighMemSupport.None)
            {
                if (pages > 0)
                {
                    Warn(log, "ignoring highmem size on non-highmem kernel!");
                }

                return new LowHighSplit(maxPfn, maxPfn);
            }

            if (pages >= maxPfn)
            {
                Warn(log, F("highmem size specified ({0}MB) is bigger than pages available ({1}MB)!.", PagesToMb(pages), PagesToMb(maxPfn)));
                pages = 0;
            }

            if (pages > 0 && maxPfn - pages < MinLowmemPages)
            {
                Warn(log, F("highmem size {0}MB results in smaller than 64MB lowmem, ignoring it.", PagesToMb(pages)));
                pages = 0;
            }

            return new LowHighSplit(maxPfn, maxPfn - pages);
        }

        /// <summary>The two lines setup_memory() prints under CONFIG_HIGHMEM.</summary>
        internal static void LogLowHigh(LowHighSplit split, ICollection<BootMessage> log)
        {
            log.Add(new BootMessage(PrintkLevel.Notice, F("{0}MB HIGHMEM available.", PagesToMb(split.HighEndPfn - split.HighStartPfn))));
            log.Add(new BootMessage(PrintkLevel.Notice, F("{0}MB LOWMEM available.", PagesToMb(split.MaxLowPfn))));
        }

        internal static ulong PagesToMb(ulong pages) => pages >> (20 - Machine.PageShift);

        private static LowHighSplit MoreThanMaxMem(ulong maxPfn, ulong maxMemPfn, HighMemSupport highMem, ulong? highmemPages, ICollection<BootMessage> log)
        {
            var pages = highmemPages ?? maxPfn - maxMemPfn;
            if (maxMemPfn + pages < maxPfn)
            {
                maxPfn = maxMemPfn + pages;
            }

            if (maxMemPfn + pages > maxPfn)
            {
                Warn(log, F("only {0}MB highmem pages available, ignoring highmem size of {1}MB.", PagesToMb(maxPfn - maxMemPfn), PagesToMb(pages)));
            }

            if (highMem == HighMemSupport.None)
            {
                Warn(log, F("Warning only {0}MB will be used.", PagesToMb(maxMemPfn)));
                Warn(log, maxPfn > MaxNonPaePfn ? "Use a HIGHMEM64G enabled kernel." : "Use a HIGHMEM enabled kernel.");
                return new LowHighSplit(maxMemPfn, maxMemPfn);
            }

            if (highMem == HighMemSupport.HighMem4G && maxPfn > MaxNonPaePfn)
            {
                Warn(log, "Warning only 4GB will be used.");
                Warn(log, "Use a HIGHMEM64G enabled kernel.");
                maxPfn = MaxNonPaePfn;
            }

            return new LowHighSplit(maxPfn, maxMemPfn);
        }

        private static void Warn(ICollection<BootMessage> log, string text) => log.Add(new BootMessage(PrintkLevel.Warning, text));

        private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
