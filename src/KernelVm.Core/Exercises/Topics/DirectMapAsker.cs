namespace KernelVm.Exercises.Topics
{
    /// <summary>__pa() of a direct-map address, or __va() of a lowmem physical address.</summary>
    internal sealed class DirectMapAsker : TopicAsker
    {
        internal override ExerciseDraft Ask(Machine machine, SplitMix64 rng, ExerciseDifficulty difficulty)
        {
            var lowmemEnd = machine.MaxLowPfn << Machine.PageShift;
            var offset = rng.Below(lowmemEnd);
            var range = "the direct map is [PAGE_OFFSET " + Hex(machine.PageOffset) + ", high_memory " + Hex(machine.HighMemory) + ")";
            if (rng.Below(2) == 0)
            {
                var virt = machine.PageOffset + offset;
                var phys = machine.Pa(virt);
                return new ExerciseDraft
                {
                    Question = "On a machine with " + Describe(machine) + ", what does __pa(" + Hex(virt) + ") return?",
                    Inputs = new[] { ExerciseInput.Of("VirtualAddress", virt, AnswerKind.Address) },
                    Answer = phys,
                    Kind = AnswerKind.Address,
                    Steps = new[]
                    {
                        "PAGE_OFFSET = " + Hex(machine.PageOffset) + " (" + machine.VmSplit + "); " + range,
                        Hex(virt) + " is in the direct map, so __pa() is defined for it",
                        "__pa(x) = x - PAGE_OFFSET = " + Hex(virt) + " - " + Hex(machine.PageOffset) + " = " + Hex(phys),
                    },
                };
            }

            var va = machine.Va(offset);
            return new ExerciseDraft
            {
                Question = "On a machine with " + Describe(machine) + ", what does __va(" + Hex(offset) + ") return?",
                Inputs = new[] { ExerciseInput.Of("PhysicalAddress", offset, AnswerKind.Address) },
                Answer = va,
                Kind = AnswerKind.Address,
                Steps = new[]
                {
                    "PAGE_OFFSET = " + Hex(machine.PageOffset) + " (" + machine.VmSplit + "); " + range,
                    Hex(offset) + " is below max_low_pfn << PAGE_SHIFT = " + Hex(lowmemEnd) + ": lowmem, which the direct map covers",
                    "__va(x) = x + PAGE_OFFSET = " + Hex(offset) + " + " + Hex(machine.PageOffset) + " = " + Hex(va),
                },
            };
        }
    }
}
