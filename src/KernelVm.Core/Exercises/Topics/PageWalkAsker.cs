using System.Collections.Generic;

namespace KernelVm.Exercises.Topics
{
    /// <summary>A walk of swapper_pg_dir for a direct-map address (or, Hard, a kmapped one): an index, or where it ends.</summary>
    internal sealed class PageWalkAsker : TopicAsker
    {
        internal override ExerciseDraft Ask(Machine machine, SplitMix64 rng, ExerciseDifficulty difficulty)
        {
            var steps = new List<string>();
            var kmapped = "";
            ulong virt;
            if (difficulty == ExerciseDifficulty.Hard && machine.Pkmap is not null && machine.HighStartPfn < machine.MaxPfn && rng.Below(2) == 0)
            {
                var pfn = HighmemPfn(machine, rng);
                var kmap = machine.Kmap(null, pfn);
                virt = kmap.VirtualAddress + rng.Below(Machine.PageSize);
                steps.Add("kmap(pfn " + Hex(pfn) + ") returned " + Hex(kmap.VirtualAddress) + ": its pkmap PTE maps that one page");
                kmapped = " after a kmap() of the highmem page of pfn " + Hex(pfn);
            }
            else
            {
                virt = machine.PageOffset + rng.Below(machine.MaxLowPfn << Machine.PageShift);
            }

            var tables = machine.PageTables!;
            var walk = tables.Walk(virt);
            steps.Add("CR3 points at swapper_pg_dir, physical " + Hex(tables.Root));
            for (var i = 0; i < walk.Count; i++)
            {
                var step = walk[i];
                var level = tables.Geometry.Levels[i];
                var large = step.IsLeaf && i < tables.Geometry.Levels.Count - 1 ? " (_PAGE_PSE: a large page, the walk ends here)" : "";
                steps.Add(step.Level + "_index(x) = (x >> " + level.Shift + ") & " + (level.Entries - 1) + " = " + step.Index
                    + "; the entry at " + Hex(step.EntryPhysical) + " holds " + Hex(step.Value) + large);
            }

            var leaf = walk[walk.Count - 1];
            var span = tables.Geometry.Levels[walk.Count - 1].Span;
            var phys = machine.Translate(virt)!.Value;
            steps.Add("physical = frame " + Hex(leaf.Frame & ~(span - 1)) + " + (x & " + Hex(span - 1) + ") = " + Hex(phys));

            var choice = rng.Below(difficulty == ExerciseDifficulty.Easy || walk.Count == 1 ? 2 : 3);
            var (question, answer, kind) = choice switch
            {
                0 => ("which index into swapper_pg_dir (" + walk[0].Level + "_index) does the walk use?", (ulong)walk[0].Index, AnswerKind.Index),
                1 => ("what physical address does the walk end at?", phys, AnswerKind.Address),
                _ => ("which index does the walk use at its last level, the " + leaf.Level + " (" + leaf.Level + "_index)?", (ulong)leaf.Index, AnswerKind.Index),
            };
            return new ExerciseDraft
            {
                Question = "On a machine with " + Describe(machine) + kmapped + ", the MMU walks the kernel page tables for " + Hex(virt) + ": " + question,
                Inputs = new[] { ExerciseInput.Of("VirtualAddress", virt, AnswerKind.Address) },
                Answer = answer,
                Kind = kind,
                Steps = steps,
            };
        }
    }
}
