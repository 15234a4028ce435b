namespace KernelVm.Exercises.Topics
{
    /// <summary>PAGE_OFFSET, MAXMEM, high_memory or max_low_pfn: what setup_memory() and find_max_low_pfn() decide.</summary>
    internal sealed class SplitAsker : TopicAsker
    {
        internal override ExerciseDraft Ask(Machine machine, SplitMix64 rng, ExerciseDifficulty difficulty)
        {
            var (name, answer, kind) = rng.Below(4) switch
            {
                0 => ("PAGE_OFFSET", machine.PageOffset, AnswerKind.Address),
                1 => ("MAXMEM", machine.MaxMem, AnswerKind.Size),
                2 => ("high_memory", machine.HighMemory, AnswerKind.Address),
                _ => ("max_low_pfn", machine.MaxLowPfn, AnswerKind.Pfn),
            };
            var maxMem = machine.Kernel.MaxMemFromVmallocEnd
                ? "MAXMEM = VMALLOC_END - PAGE_OFFSET - __VMALLOC_RESERVE = " + Hex(machine.Layout.VmallocEnd) + " - " + Hex(machine.PageOffset)
                : "MAXMEM = -PAGE_OFFSET - __VMALLOC_RESERVE, in 32 bits = 0x100000000 - " + Hex(machine.PageOffset);
            return new ExerciseDraft
            {
                Question = "A machine boots with " + Describe(machine) + ". What is " + name + "?",
                Inputs = new[]
                {
                    ExerciseInput.Of("Architecture", machine.Architecture.ToString()),
                    ExerciseInput.Of("KernelVersion", machine.Kernel.Version),
                    ExerciseInput.Of("VmSplit", machine.VmSplit.ToString()),
                    ExerciseInput.Of("MemorySize", machine.Config.MemorySize, AnswerKind.Size),
                },
                Answer = answer,
                Kind = kind,
                Steps = new[]
                {
                    "PAGE_OFFSET = CONFIG_PAGE_OFFSET of " + machine.VmSplit + " = " + Hex(machine.PageOffset),
                    "__VMALLOC_RESERVE = " + Hex(machine.VmallocReserve) + " (" + ExerciseText.Size(machine.VmallocReserve) + ")",
                    maxMem + " - " + Hex(machine.VmallocReserve) + " = " + Hex(machine.MaxMem),
                    "max_pfn = RAM >> PAGE_SHIFT = " + Hex(machine.MaxPfn),
                    "find_max_low_pfn(): max_low_pfn = min(max_pfn, MAXMEM >> PAGE_SHIFT) = min(" + Hex(machine.MaxPfn) + ", "
                        + Hex(machine.MaxMem >> Machine.PageShift) + ") = " + Hex(machine.MaxLowPfn),
                    "high_memory = __va(max_low_pfn << PAGE_SHIFT) = PAGE_OFFSET + " + Hex(machine.MaxLowPfn << Machine.PageShift)
                        + " = " + Hex(machine.HighMemory),
                },
            };
        }
    }
}
