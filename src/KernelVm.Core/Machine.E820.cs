using System.Collections.Generic;
using System.Globalization;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm
{
    public sealed partial class Machine
    {
        /// <summary>The usable pfn ranges boot kept from the e820 map (after 6.x's trim_bios_range()); null without a map.</summary>
        private List<(ulong Start, ulong End)>? _usable;

        /// <summary>
        /// max_pfn from the BIOS map, printing it as the version does: find_max_pfn() (2.4.22, 2.6.24
        /// i386), or e820__end_of_ram_pfn() after trim_bios_range() (6.x). Without a map: MemorySize.
        /// </summary>
        private ulong ReadE820()
        {
            var mem = Config.Boot.Mem;
            if (Config.E820 is not { } map)
            {
                return System.Math.Min(Config.MemorySize, mem ?? ulong.MaxValue) >> PageShift;
            }

            var modern = Kernel.ZoneInit == ZoneInitStyle.FreeAreaInit6;
            E820Map.Print(map, modern, _bootLog);

            // 2.6.24 x86-64 keeps the map and caps end_pfn at mem= (end_user_pfn); the others rewrite the map.
            var userPfn = mem is { } limit && Is64Bit && !modern ? limit >> PageShift : ulong.MaxValue;
            if (mem is { } cut && userPfn == ulong.MaxValue)
            {
                map = E820Map.LimitRegions(map, cut, Kernel.ZoneInit, _bootLog);
            }

            if (!modern)
            {
                _usable = new List<(ulong Start, ulong End)>();
                foreach (var (start, end) in E820Map.UsablePfns(map))
                {
                    if (start < userPfn)
                    {
                        _usable.Add((start, System.Math.Min(end, userPfn)));
                    }
                }

                return MaxPfnOf(_usable);
            }

            _usable = E820Map.UsablePfns(E820Map.TrimBiosRange(map, _bootLog));
            var maxArchPfn = MaxArchPfn();
            var maxPfn = System.Math.Min(MaxPfnOf(_usable), maxArchPfn);
            E820Map.PrintLastPfn(maxPfn, maxArchPfn, _bootLog);

            // x86-64 setup_arch(): above 4 GiB, max_low_pfn is first the end of RAM below 4 GiB.
            if (Is64Bit && maxPfn > MemorySizing.MaxNonPaePfn)
            {
                var low = new List<(ulong, ulong)>();
                foreach (var (start, end) in _usable)
                {
                    if (start < MemorySizing.MaxNonPaePfn)
                    {
                        low.Add((start, System.Math.Min(end, MemorySizing.MaxNonPaePfn)));
                    }
                }

                E820Map.PrintLastPfn(E820Map.MaxPfn(low), maxArchPfn, _bootLog);
            }

            return maxPfn;
        }

        /// <summary>find_max_pfn() of what mem= and trim_bios_range() left; nothing left is an error.</summary>
        private ulong MaxPfnOf(List<(ulong Start, ulong End)> usable) =>
            usable.Count > 0 ? E820Map.MaxPfn(usable)
            : Config.Boot.Mem is { } mem ? throw Errors.BadBootOption("mem=", mem, "the e820 map has no usable page below it.")
            : throw Errors.E820WithoutRam(Config.E820!.Count);

        /// <summary>MAX_ARCH_PFN: MAXMEM's pfns on x86-64, 2^(36-12) with PAE, 2^(32-12) without.</summary>
        private ulong MaxArchPfn() => Is64Bit ? Kernel.X86_64Layout!.MaxMem >> PageShift
            : IsPae ? 1UL << (36 - PageShift) : MemorySizing.MaxNonPaePfn;

        /// <summary>
        /// The early_node_map (2.6.24 add_active_range()) or memblock.memory (6.x) up to <paramref name="endPfn"/>:
        /// i386 2.4.22 and 2.6.24 register one range from 0, so e820 holes stay inside the zones;
        /// 2.6.24 x86-64 (e820_register_active_regions()) and 6.x register each usable range.
        /// </summary>
        private List<(ulong Start, ulong End)>? ActiveRanges(ulong endPfn)
        {
            if (_usable is null || (!Is64Bit && Kernel.ZoneInit != ZoneInitStyle.FreeAreaInit6))
            {
                return null;
            }

            var ranges = new List<(ulong, ulong)>();
            foreach (var (start, end) in _usable)
            {
                if (start < endPfn)
                {
                    ranges.Add((start, System.Math.Min(end, endPfn)));
                }
            }

            return ranges;
        }

        /// <summary>
        /// bootmem (register_bootmem_low_pages() frees only e820 RAM) and memblock hand out only usable
        /// pages: below lowmem's end, what the map leaves out stays reserved.
        /// </summary>
        private void ReserveE820Holes()
        {
            ulong at = 0;
            foreach (var (start, end) in _usable ?? new List<(ulong, ulong)>())
            {
                if (start > at && at < MaxLowPfn)
                {
                    BootMem.Reserve(at << PageShift, System.Math.Min(start, MaxLowPfn) << PageShift, "e820 hole");
                }

                at = System.Math.Max(at, end);
            }

            if (_usable is not null && at < MaxLowPfn)
            {
                BootMem.Reserve(at << PageShift, MaxLowPfn << PageShift, "e820 hole");
            }
        }

        /// <summary>
        /// mem_init()'s summary (2.4.22 arch/i386/mm/init.c, 2.6.24 arch/x86/mm/init_32.c): free pages of
        /// num_physpages, the image's sections, the RAM pages below max_low_pfn that bootmem kept
        /// (page_is_ram() and PageReserved()), and the RAM pages of highmem (totalhigh_pages).
        /// </summary>
        private void LogMemInit()
        {
            var ram = _usable ?? new List<(ulong Start, ulong End)> { (0, MaxPfn) };
            ulong lowRam = 0, highRam = 0, reserved = 0;
            foreach (var (start, end) in ram)
            {
                lowRam += Overlap(start, end, 0, MaxLowPfn);
                highRam += HighMem == HighMemSupport.None ? 0 : Overlap(start, end, MaxLowPfn, HighEndPfn);
            }

            // The reserved ranges, merged, counted where they hold RAM.
            ulong mergedStart = 0, mergedEnd = 0;
            foreach (var range in BootMem.Reserved)
            {
                var (from, to) = (range.Start >> PageShift, (range.End + PageSize - 1) >> PageShift);
                if (from > mergedEnd)
                {
                    reserved += RamIn(ram, mergedStart, mergedEnd);
                    mergedStart = from;
                }

                mergedEnd = System.Math.Max(mergedEnd, to);
            }

            reserved += RamIn(ram, mergedStart, mergedEnd);
            var physPages = HighMem == HighMemSupport.None ? MaxLowPfn : HighEndPfn;
            var s = Sections;
            _bootLog.Add(new BootMessage(PrintkLevel.Info, string.Format(CultureInfo.InvariantCulture,
                "Memory: {0}k/{1}k available ({2}k kernel code, {3}k reserved, {4}k data, {5}k init, {6}k highmem)",
                (lowRam - reserved + highRam) << 2, physPages << 2, s.Etext >> 10, reserved << 2, (s.Edata - s.Etext) >> 10,
                (s.InitEnd - s.InitBegin) >> 10, highRam << 2)));

            ulong RamIn(List<(ulong Start, ulong End)> ranges, ulong from, ulong to)
            {
                ulong pages = 0;
                foreach (var (start, end) in ranges)
                {
                    pages += Overlap(start, end, from, System.Math.Min(to, MaxLowPfn));
                }

                return pages;
            }
        }

        private static ulong Overlap(ulong start, ulong end, ulong from, ulong to) =>
            System.Math.Min(end, to) > System.Math.Max(start, from) ? System.Math.Min(end, to) - System.Math.Max(start, from) : 0;

        /// <summary>
        /// 6.x set_highmem_pages_init() (arch/x86/mm/highmem_32.c): one KERN_INFO line per highmem zone,
        /// ZONE_MOVABLE included, with its pfns; an empty zone's start is 0 (calculate_node_totalpages()).
        /// </summary>
        private void LogHighmemZones()
        {
            if (Is64Bit || Kernel.ZoneInit != ZoneInitStyle.FreeAreaInit6)
            {
                return;
            }

            foreach (var zone in Memory.Zones)
            {
                if (zone.IsHighMem)
                {
                    var start = zone.SpannedPages == 0 ? 0 : zone.StartPfn;
                    _bootLog.Add(new BootMessage(PrintkLevel.Info, string.Format(CultureInfo.InvariantCulture,
                        "Initializing {0} for node {1} ({2:x8}:{3:x8})", zone.Name, zone.NodeId, start, start + zone.SpannedPages)));
                }
            }
        }

        /// <summary>init_apic_mappings() and the IO-APIC loop of 2.6.24: where the fixmap maps each APIC (KERN_DEBUG).</summary>
        private void LogApicMappings()
        {
            if (!Kernel.PrintsApicMappings || Is64Bit)
            {
                return;
            }

            void Line(bool configured, string what, string slot, ulong phys)
            {
                var index = Fixmaps.IndexOf(slot);
                if (configured && index >= 0)
                {
                    var virt = Layout.FixaddrTop - ((ulong)index << PageShift);
                    _bootLog.Add(new BootMessage(PrintkLevel.Debug, string.Format(CultureInfo.InvariantCulture, "mapped {0} to {1:x8} ({2:x8})", what, virt, phys)));
                }
            }

            // APIC_DEFAULT_PHYS_BASE and the first IO-APIC's usual address, as an MP table gives them.
            Line(Options.X86LocalApic, "APIC", "FIX_APIC_BASE", 0xFEE00000);
            Line(Options.X86IoApic, "IOAPIC", "FIX_IO_APIC_BASE_0", 0xFEC00000);
        }
    }
}
