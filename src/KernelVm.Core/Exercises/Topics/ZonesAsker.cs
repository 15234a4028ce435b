using System.Collections.Generic;

namespace KernelVm.Exercises.Topics
{
    /// <summary>Where a zone starts or ends, in pfns, as zone_sizes_init() and free_area_init_nodes() lay them out.</summary>
    internal sealed class ZonesAsker : TopicAsker
    {
        internal override ExerciseDraft Ask(Machine machine, SplitMix64 rng, ExerciseDifficulty difficulty)
        {
            var steps = new List<string>
            {
                "max_pfn = RAM >> PAGE_SHIFT = " + Hex(machine.MaxPfn),
                "max_low_pfn = min(max_pfn, MAXMEM >> PAGE_SHIFT) = " + Hex(machine.MaxLowPfn) + " (MAXMEM = " + Hex(machine.MaxMem) + ")",
                "zone_sizes_init(): ZONE_DMA ends at MAX_DMA_PFN (16 MiB), ZONE_NORMAL at max_low_pfn, ZONE_HIGHMEM at highend_pfn = max_pfn",
            };
            var zones = new List<Physical.Zone>();
            foreach (var zone in machine.Memory.Zones)
            {
                if (zone.SpannedPages > 0)
                {
                    zones.Add(zone);
                    steps.Add(ZoneName(zone) + " spans pfns [" + Hex(zone.StartPfn) + ", " + Hex(zone.EndPfn) + ")");
                }
            }

            var asked = rng.Pick(zones);
            var start = rng.Below(2) == 0;
            return new ExerciseDraft
            {
                Question = "On a machine with " + Describe(machine) + ", " + (start
                    ? "what is the first pfn of " + ZoneName(asked) + " (zone_start_pfn)?"
                    : "what is the end pfn of " + ZoneName(asked) + " (zone_start_pfn + spanned_pages, the first pfn past it)?"),
                Inputs = new[]
                {
                    ExerciseInput.Of("Zone", ZoneName(asked)),
                    ExerciseInput.Of("MemorySize", machine.Config.MemorySize, AnswerKind.Size),
                },
                Answer = start ? asked.StartPfn : asked.EndPfn,
                Kind = AnswerKind.Pfn,
                Steps = steps,
            };
        }

        private static string ZoneName(Physical.Zone zone) => "ZONE_" + zone.Type.ToString().ToUpperInvariant();
    }
}
