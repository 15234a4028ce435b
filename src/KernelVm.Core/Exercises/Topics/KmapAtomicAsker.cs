namespace KernelVm.Exercises.Topics
{
    /// <summary>kmap_atomic(page, type) of a highmem page on one CPU: which fixmap address it returns.</summary>
    internal sealed class KmapAtomicAsker : TopicAsker
    {
        internal override bool NeedsHighmem => true;

        internal override bool NeedsKmTypes => true;

        internal override ExerciseDraft Ask(Machine machine, SplitMix64 rng, ExerciseDifficulty difficulty)
        {
            var type = rng.Pick(machine.Kernel.KmTypes);
            var cpu = rng.Below(machine.Options.NrCpus);
            var pfn = HighmemPfn(machine, rng);
            var virt = machine.KmapAtomic(null, cpu, type, pfn);
            var value = machine.Kernel.KmTypeValue(type, machine.Options.DebugHighmem);
            var begin = machine.Fixmaps.IndexOf("FIX_KMAP_BEGIN");
            var idx = value + machine.KmTypeNr * cpu;
            return new ExerciseDraft
            {
                Question = "On a machine with " + Describe(machine) + ", CPU " + cpu + " calls kmap_atomic() on the highmem page of pfn "
                    + Hex(pfn) + " with " + type + ". What virtual address does it return?",
                Inputs = new[]
                {
                    ExerciseInput.Of("Pfn", pfn, AnswerKind.Pfn),
                    ExerciseInput.Of("KmType", type),
                    ExerciseInput.Of("Cpu", (ulong)cpu, AnswerKind.Index),
                },
                Answer = virt,
                Kind = AnswerKind.Address,
                Steps = new[]
                {
                    "the page is in ZONE_HIGHMEM, so kmap_atomic() uses the CPU's fixmap slot for the type",
                    type + " = " + value + " in enum km_type; KM_TYPE_NR = " + machine.KmTypeNr,
                    "idx = type + KM_TYPE_NR * smp_processor_id() = " + value + " + " + machine.KmTypeNr + " * " + cpu + " = " + idx,
                    "FIX_KMAP_BEGIN = " + begin + " in enum fixed_addresses; FIXADDR_TOP = " + Hex(machine.Layout.FixaddrTop),
                    "vaddr = __fix_to_virt(FIX_KMAP_BEGIN + idx) = FIXADDR_TOP - ((" + begin + " + " + idx + ") << PAGE_SHIFT) = " + Hex(virt),
                    "set_pte(kmap_pte - idx, mk_pte(page, kmap_prot)) maps the page there",
                },
            };
        }
    }
}
