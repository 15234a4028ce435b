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
        internal static LowHighSplit FindMaxLowPfn(ulong maxPfn, ulong maxMemPfn, HighMemSupport highMem, ulong? highmemPages, SizingMessages text, ICollection<BootMessage> log)
        {
            if (maxPfn > maxMemPfn)
            {
                return MoreThanMaxMem(maxPfn, maxMemPfn, highMem, highmemPages, text, log);
            }

            // All RAM fits in the direct map; highmem= can still carve highmem off the top of it.
            var pages = highmemPages ?? 0;
            if (highMem == HighMemSupport.None)
            {
                if (pages > 0)
                {
                    Warn(log, text.HighmemIgnoredNoHighmem);
                }

                return new LowHighSplit(maxPfn, maxPfn);
            }

            if (pages >= maxPfn)
            {
                Warn(log, F(text.HighmemMoreThanAvailable, PagesToMb(pages), PagesToMb(maxPfn)));
                pages = 0;
            }

            if (pages > 0 && maxPfn - pages < MinLowmemPages)
            {
                Warn(log, F(text.HighmemLowmemTooSmall, PagesToMb(pages)));
                pages = 0;
            }

            return new LowHighSplit(maxPfn, maxPfn - pages);
        }

        /// <summary>
        /// setup_memory()'s lines: HIGHMEM under CONFIG_HIGHMEM, then LOWMEM after the #endif, in
        /// 2.4.22 (arch/i386/kernel/setup.c), 2.6.24 (arch/x86/kernel/setup_32.c) and 6.x
        /// (arch/x86/mm/init_32.c initmem_init()).
        /// </summary>
        internal static void LogLowHigh(LowHighSplit split, bool highMem, ICollection<BootMessage> log)
        {
            if (highMem)
            {
                log.Add(new BootMessage(PrintkLevel.Notice, F("{0}MB HIGHMEM available.", PagesToMb(split.HighEndPfn - split.HighStartPfn))));
            }

            log.Add(new BootMessage(PrintkLevel.Notice, F("{0}MB LOWMEM available.", PagesToMb(split.MaxLowPfn))));
        }

        /// <summary>
        /// 6.x initmem_init() then calls setup_bootmem_allocator(), which bootmem's removal left with
        /// two KERN_INFO lines: the direct map then covers exactly lowmem, so max_pfn_mapped is max_low_pfn.
        /// </summary>
        internal static void LogLowRam(LowHighSplit split, ICollection<BootMessage> log)
        {
            var lowRamEnd = split.MaxLowPfn << Machine.PageShift;
            log.Add(new BootMessage(PrintkLevel.Info, F("  mapped low ram: 0 - {0:x8}", lowRamEnd)));
            log.Add(new BootMessage(PrintkLevel.Info, F("  low ram: 0 - {0:x8}", lowRamEnd)));
        }

        internal static ulong PagesToMb(ulong pages) => pages >> (20 - Machine.PageShift);

        private static LowHighSplit MoreThanMaxMem(ulong maxPfn, ulong maxMemPfn, HighMemSupport highMem, ulong? highmemPages, SizingMessages text, ICollection<BootMessage> log)
        {
            var pages = highmemPages ?? maxPfn - maxMemPfn;
            if (maxMemPfn + pages < maxPfn)
            {
                maxPfn = maxMemPfn + pages;
            }

            if (maxMemPfn + pages > maxPfn)
            {
                Warn(log, F(text.HighmemOnlyAvailable, PagesToMb(maxPfn - maxMemPfn), PagesToMb(pages)));
            }

            if (highMem == HighMemSupport.None)
            {
                Warn(log, F(text.OnlyMaxMemUsed, PagesToMb(maxMemPfn)));
                Warn(log, maxPfn > MaxNonPaePfn && text.UseHighmem64G is { } use64G ? use64G : text.UseHighmem);
                return new LowHighSplit(maxMemPfn, maxMemPfn);
            }

            if (highMem == HighMemSupport.HighMem4G && maxPfn > MaxNonPaePfn)
            {
                foreach (var line in text.Only4G)
                {
                    Warn(log, line);
                }

                maxPfn = MaxNonPaePfn;
            }

            return new LowHighSplit(maxPfn, maxMemPfn);
        }

        private static void Warn(ICollection<BootMessage> log, string text) => log.Add(new BootMessage(PrintkLevel.Warning, text));

        private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
