using System.Collections.Generic;
using KernelVm.Highmem;

namespace KernelVm.Exercises.Topics
{
    /// <summary>A sequence of kmap() and kunmap() calls run on the model; the question is where the last kmap() lands.</summary>
    internal sealed class PkmapAsker : TopicAsker
    {
        internal override bool NeedsHighmem => true;

        internal override ExerciseDraft Ask(Machine machine, SplitMix64 rng, ExerciseDifficulty difficulty)
        {
            var pool = new List<ulong>();
            while (pool.Count < 4)
            {
                var pfn = HighmemPfn(machine, rng);
                if (!pool.Contains(pfn))
                {
                    pool.Add(pfn);
                }
            }

            var calls = difficulty switch { ExerciseDifficulty.Easy => 3, ExerciseDifficulty.Medium => 5, _ => 8 };
            var pkmap = machine.Pkmap!;
            var steps = new List<string>
            {
                "PKMAP_BASE = " + Hex(pkmap.Address(0)) + ", LAST_PKMAP = " + pkmap.LastPkmap + "; every pkmap_count starts at 0, last_pkmap_nr at 0",
            };
            var written = new List<string>();
            // One entry per kmap() not yet undone, so that every kunmap() drawn is one the kernel accepts.
            var held = new List<ulong>();
            KmapOutcome last = default;
            for (var i = 0; i < calls; i++)
            {
                var final = i == calls - 1;
                if (!final && held.Count > 0 && rng.Below(3) == 0)
                {
                    var at = rng.Below(held.Count);
                    var pfn = held[at];
                    held.RemoveAt(at);
                    var unmap = machine.Kunmap(null, pfn);
                    written.Add("kunmap(" + Hex(pfn) + ")");
                    steps.Add("kunmap(pfn " + Hex(pfn) + "): kunmap_high() drops pkmap_count[" + unmap.Slot + "] to " + unmap.Count
                        + (unmap.Count == 1 ? ": no users, but the PTE and any TLB entry stay until flush_all_zero_pkmaps()" : ""));
                }
                else if (!final && difficulty == ExerciseDifficulty.Hard && rng.Below(6) == 0)
                {
                    machine.KmapFlushUnused();
                    written.Add("kmap_flush_unused()");
                    steps.Add("kmap_flush_unused(): flush_all_zero_pkmaps() frees every slot whose count is 1 (count 0, PTE cleared), then flushes the TLB");
                }
                else
                {
                    var pfn = rng.Pick(pool);
                    held.Add(pfn);
                    last = machine.Kmap(null, pfn);
                    written.Add("kmap(" + Hex(pfn) + ")");
                    steps.Add(Explain(last));
                }
            }

            var askSlot = difficulty != ExerciseDifficulty.Easy && rng.Below(2) == 1;
            return new ExerciseDraft
            {
                Question = "On a freshly booted machine with " + Describe(machine) + ", one task makes these calls in order: "
                    + string.Join("; ", written) + ". " + (askSlot
                        ? "Which pkmap slot (index into pkmap_count) does the last kmap() use?"
                        : "What virtual address does the last kmap() return?"),
                Inputs = new[] { ExerciseInput.Of("Calls", string.Join("; ", written)) },
                Answer = askSlot ? (ulong)last.Slot : last.VirtualAddress,
                Kind = askSlot ? AnswerKind.Index : AnswerKind.Address,
                Steps = steps,
            };
        }

        private static string Explain(KmapOutcome kmap)
        {
            var call = "kmap(pfn " + Hex(kmap.Pfn) + "): ";
            var slot = "pkmap_count[" + kmap.Slot + "]";
            return kmap.Status switch
            {
                KmapStatus.Reused => call + "page_address() finds it mapped at " + Hex(kmap.VirtualAddress) + " (slot " + kmap.Slot
                    + "), so kmap_high() only increments " + slot + " to " + kmap.Count,
                _ => call + "page_address() is NULL, so map_new_virtual() scans on from last_pkmap_nr to the first slot with count 0: slot "
                    + kmap.Slot + (kmap.Wrapped ? " (last_pkmap_nr wrapped to 0: flush_all_zero_pkmaps() ran first)" : "")
                    + "; set_pte() maps the page, " + slot + " = " + kmap.Count + " (1 for the mapping, 1 for the user); PKMAP_ADDR("
                    + kmap.Slot + ") = PKMAP_BASE + (" + kmap.Slot + " << PAGE_SHIFT) = " + Hex(kmap.VirtualAddress),
            };
        }
    }
}
