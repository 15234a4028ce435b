using System.Linq;
using System.Text.RegularExpressions;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm.BootLogs
{
    /// <summary>
    /// Kernel changes between a log's kernel and the version the model simulates for it that make a
    /// line differ: each names the change, says when it applies, and which kinds of line it moves.
    /// </summary>
    internal static class KernelChanges
    {
        private sealed record Change(string Text, System.Func<BootLogFacts, KernelProfile, bool> Applies, string[] Kinds);

        private static readonly Change[] Table =
        {
            // A 6.1-6.14 PAE kernel with RAM above 4 GB uses it as highmem; 6.15+ (the model's 6.17) stops at 4 GB.
            new("CONFIG_HIGHMEM64G was removed in 6.15 (commit bbeb69ce3013, \"x86/mm: Remove CONFIG_HIGHMEM64G support\"): the log's kernel used RAM above 4 GB, the model's 6.17 keeps only the first 4 GB.",
                (facts, model) => facts.Architecture == Architecture.X86Pae && !model.HasHighMem64G && ReleaseBefore(facts.Release, 6, 15)
                    && facts.E820.Any(e => e.Type == E820Type.Ram && e.End > 1UL << 32),
                new[] { "only ... will be used", "HIGHMEM available", "Zone range: HighMem", "node 0 range", "Initmem setup node 0", "On node 0 totalpages",
                        "On node 0, zone HighMem: unavailable ranges", "Built zonelists", "Memory", "Initializing HighMem for node 0" }),

            // docs/notes/6x-boot-lines.md: 6.1 m02 and m10 print the managed pages of that time, 6.14 m05 the present pages.
            new("Until 6.10, free_area_init_core() set a zone's managed pages to its present pages less its memmap pages and dma_reserve, and \"Total pages\" sums managed pages; since the mm_init series that removed that calculation (v6.10) they are the present pages at that point, as the model's 6.17 prints.",
                (facts, model) => facts.Kernel == KernelProfile.V6 && model == KernelProfile.V6 && ReleaseBefore(facts.Release, 6, 10),
                new[] { "Built zonelists" }),
        };

        /// <summary>The changes that explain a line of this kind (without its place among lines of the kind) differing, or null.</summary>
        internal static string? Explain(BootLogFacts facts, KernelProfile model, string? kind)
        {
            var texts = Table.Where(c => kind is not null && c.Kinds.Contains(kind) && c.Applies(facts, model)).Select(c => c.Text).ToArray();
            return texts.Length == 0 ? null : string.Join(" ", texts);
        }

        private static bool ReleaseBefore(string release, int major, int minor)
        {
            var m = Regex.Match(release, @"^(\d+)\.(\d+)");
            return m.Success && (int.Parse(m.Groups[1].Value) < major || (int.Parse(m.Groups[1].Value) == major && int.Parse(m.Groups[2].Value) < minor));
        }
    }
}
