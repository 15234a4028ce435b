using System.Collections.Generic;
using KernelVm.Fixmap;

namespace KernelVm.Exercises.Topics
{
    /// <summary>fix_to_virt() of a fixmap name, or (Medium, Hard) virt_to_fix() of an address in a permanent fixmap.</summary>
    internal sealed class FixmapAsker : TopicAsker
    {
        internal override ExerciseDraft Ask(Machine machine, SplitMix64 rng, ExerciseDifficulty difficulty)
        {
            // virt_to_fix() BUG()s below FIXADDR_START, where the boot-time slots are, and at FIXADDR_TOP, index 0.
            var reversible = new List<FixmapRange>();
            foreach (var candidate in machine.Fixmaps.Ranges)
            {
                if (!candidate.BootTime && candidate.FirstIndex > 0)
                {
                    reversible.Add(candidate);
                }
            }

            var reverse = difficulty != ExerciseDifficulty.Easy && reversible.Count > 0 && rng.Below(2) == 1;
            var ranges = reverse ? reversible : machine.Fixmaps.Ranges;
            var range = rng.Pick(ranges);
            var index = range.FirstIndex + rng.Below(range.Count);
            var name = range.NameOf(index);
            var top = machine.Layout.FixaddrTop;
            var page = machine.FixToVirt(index);
            var toVirt = "__fix_to_virt(" + index + ") = FIXADDR_TOP - (" + index + " << PAGE_SHIFT) = " + Hex(top) + " - " + Hex((ulong)index << Machine.PageShift) + " = " + Hex(page);
            var where = name + " = " + index + " in enum fixed_addresses of kernel " + machine.Kernel.Version + " with this configuration";
            if (!reverse)
            {
                return new ExerciseDraft
                {
                    Question = "On a machine with " + Describe(machine) + ", what does fix_to_virt(" + name + ") return?",
                    Inputs = new[] { ExerciseInput.Of("Fixmap", name) },
                    Answer = page,
                    Kind = AnswerKind.Address,
                    Steps = new[] { "FIXADDR_TOP = " + Hex(top), where, toVirt },
                };
            }

            var virt = page + rng.Below(Machine.PageSize);
            var found = machine.VirtToFix(virt);
            return new ExerciseDraft
            {
                Question = "On a machine with " + Describe(machine) + ", what index does virt_to_fix(" + Hex(virt) + ") return?",
                Inputs = new[] { ExerciseInput.Of("VirtualAddress", virt, AnswerKind.Address) },
                Answer = (ulong)found,
                Kind = AnswerKind.Index,
                Steps = new[]
                {
                    "FIXADDR_START = " + Hex(machine.Layout.FixaddrStart) + ", FIXADDR_TOP = " + Hex(top) + ": the address is between them, so virt_to_fix() does not BUG()",
                    "__virt_to_fix(x) = (FIXADDR_TOP - (x & PAGE_MASK)) >> PAGE_SHIFT = (" + Hex(top) + " - " + Hex(virt & ~(Machine.PageSize - 1)) + ") >> 12 = " + found,
                    where,
                },
            };
        }
    }
}
