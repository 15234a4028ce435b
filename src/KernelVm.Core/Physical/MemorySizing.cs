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

        internal static LowHighSplit FindMaxLowPfn(ulong maxPfn, ulong maxMemPfn, HighMemSupport highMem, ICollection<BootMessage> log)
        {
            if (maxPfn <= maxMemPfn)
            {
                return new LowHighSplit(maxPfn, maxPfn);
            }

            // More RAM than the direct map can hold: lowmem stops at MAXMEM.
            if (highMem == HighMemSupport.None)
            {
                log.Add(new BootMessage(PrintkLevel.Warning, F("Warning only {0}MB will be used.", PagesToMb(maxMemPfn))));
                log.Add(new BootMessage(PrintkLevel.Warning, maxPfn > MaxNonPaePfn
                    ? "Use a HIGHMEM64G enabled kernel."
                    : "Use a HIGHMEM enabled kernel."));
                return new LowHighSplit(maxMemPfn, maxMemPfn);
            }

            if (highMem == HighMemSupport.HighMem4G && maxPfn > MaxNonPaePfn)
            {
                log.Add(new BootMessage(PrintkLevel.Warning, "Warning only 4GB will be used."));
                log.Add(new BootMessage(PrintkLevel.Warning, "Use a HIGHMEM64G enabled kernel."));
                maxPfn = MaxNonPaePfn;
            }

            return new LowHighSplit(maxPfn, maxMemPfn);
        }

        /// <summary>The two lines setup_memory() prints under CONFIG_HIGHMEM.</summary>
        internal static void LogLowHigh(LowHighSplit split, ICollection<BootMessage> log)
        {
            log.Add(new BootMessage(PrintkLevel.Notice, F("{0}MB HIGHMEM available.", PagesToMb(split.HighEndPfn - split.HighStartPfn))));
            log.Add(new BootMessage(PrintkLevel.Notice, F("{0}MB LOWMEM available.", PagesToMb(split.MaxLowPfn))));
        }

        private static ulong PagesToMb(ulong pages) => pages >> (20 - Machine.PageShift);

        private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
