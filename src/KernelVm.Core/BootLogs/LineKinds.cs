using System.Text.RegularExpressions;

namespace KernelVm.BootLogs
{
    /// <summary>
    /// The kind of a boot message, so that a real log's line and the model's line that say the same
    /// thing pair up whatever their numbers: "Zone PFN range: DMA", "DMA zone: pages used for memmap",
    /// "lowmem layout". Kinds a log prints more than once (e820 ranges, node ranges) pair in order.
    /// </summary>
    public static class LineKinds
    {
        private static readonly (Regex Pattern, string Kind, bool Repeats)[] Table =
        {
            (R(@"^BIOS-provided physical RAM map:$"), "BIOS-provided physical RAM map", false),
            (R(@"^BIOS-e820: "), "BIOS-e820", true),
            (R(@"^Warning:? only \d+[MG]B will be used"), "only ... will be used", false),
            (R(@"^Use a .* kernel\.$"), "Use a ... kernel", false),
            (R(@"^(highmem size|only \d+MB highmem pages|ignoring highmem size)"), "highmem= message", false),
            (R(@"^\d+MB HIGHMEM available\.$"), "HIGHMEM available", false),
            (R(@"^\d+MB LOWMEM available\.$"), "LOWMEM available", false),
            (R(@"^mapped low ram: "), "mapped low ram", false),
            (R(@"^low ram: "), "low ram", false),
            (R(@"^e820: update \[mem 0x0+-0x0*fff\] usable ==> reserved$"), "e820: update the first page", false),
            (R(@"^e820: remove \[mem 0x0*a0000-0x0*fffff\] usable$"), "e820: remove the ISA hole", false),
            (R(@"^last_pfn = 0x[0-9a-f]+ max_arch_pfn = 0x[0-9a-f]+$"), "last_pfn", true),
            (R(@"^Initializing (HighMem|Movable) for node (\d+) \("), "Initializing $1 for node $2", false),
            (R(@"^Entering add_active_range\("), "add_active_range", true),
            (R(@"^Zone PFN ranges:$"), "Zone PFN ranges", false),
            (R(@"^(DMA|DMA32|Normal|HighMem|Movable)\s+\d+\s+->\s+\d+$"), "Zone PFN range: $1", false),
            (R(@"^Movable zone start PFN for each node$"), "Movable zone start PFN for each node", false),
            (R(@"^early_node_map\[\d+\] active PFN ranges$"), "early_node_map", false),
            (R(@"^\d+:\s+\d+\s+->\s+\d+$"), "early_node_map range", true),
            (R(@"^On node (\d+) totalpages: "), "On node $1 totalpages", false),
            (R(@"^(\w+) zone: \d+ pages used for memmap$"), "$1 zone: pages used for memmap", false),
            (R(@"^(\w+) zone: \d+ pages reserved$"), "$1 zone: pages reserved", false),
            (R(@"^(\w+) zone: \d+ pages, LIFO batch:\d+$"), "$1 zone: pages, LIFO batch", false),
            (R(@"^(\w+) zone: \d+ pages exceeds realsize"), "$1 zone: memmap exceeds realsize", false),
            (R(@"^zone\((\d+)\): \d+ pages\.$"), "zone($1): pages", false),
            (R(@"^Zone ranges:$"), "Zone ranges", false),
            (R(@"^(DMA|DMA32|Normal|HighMem|Device|Movable)\s+(\[mem |empty$)"), "Zone range: $1", false),
            (R(@"^Movable zone start for each node$"), "Movable zone start for each node", false),
            (R(@"^Early memory node ranges$"), "Early memory node ranges", false),
            (R(@"^node\s+(\d+): \[mem "), "node $1 range", true),
            (R(@"^Initmem setup node (\d+) "), "Initmem setup node $1", false),
            (R(@"^On node (\d+), zone (\w+): \d+ pages in unavailable ranges$"), "On node $1, zone $2: unavailable ranges", true),
            (R(@"^Built \d+ zonelists"), "Built zonelists", false),
            (R(@"^Using GB pages for direct mapping$"), "Using GB pages for direct mapping", false),
            (R(@"^mapped APIC to "), "mapped APIC", false),
            (R(@"^mapped IOAPIC to "), "mapped IOAPIC", true),
            (R(@"^Memory: "), "Memory", false),
            (R(@"^virtual kernel memory layout:$"), "virtual kernel memory layout", false),
            (R(@"^(fixmap|pkmap|vmalloc|lowmem|\.init|\.data|\.text)\s*: 0x"), "$1 layout", false),
        };

        /// <summary>The kind of a message (without its timestamp), and whether the kind repeats; null for a message of no known kind.</summary>
        public static (string Kind, bool Repeats)? Of(string text)
        {
            var t = text.Trim();
            foreach (var (pattern, kind, repeats) in Table)
            {
                var m = pattern.Match(t);
                if (m.Success)
                {
                    return (m.Result(kind), repeats);
                }
            }

            return null;
        }

        private static Regex R(string pattern) => new(pattern, RegexOptions.CultureInvariant);
    }
}
