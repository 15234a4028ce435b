using KernelVm.Profiles;
using System;
using System.Collections.Generic;
using System.Linq;
using KernelVm.Exercises;

namespace KernelVm.Core.Tests;

/// <summary>Seeded exercises: the generator, its reproducibility, and answers that are the model's.</summary>
public sealed class ExerciseTests
{
    public static IEnumerable<object[]> TopicsAndDifficulties() =>
        from ExerciseTopic t in Enum.GetValues(typeof(ExerciseTopic))
        from ExerciseDifficulty d in Enum.GetValues(typeof(ExerciseDifficulty))
        select new object[] { t, d };

    // An SMP 2.4.22 kernel has NR_CPUS 32 (include/linux/threads.h): the configuration shown says so too.
    [Fact]
    public void A_2_4_22_machine_shows_the_NR_CPUS_it_boots_with()
    {
        var seen = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var m = ExerciseGenerator.Generate(ExerciseTopic.KmapAtomic, seed, ExerciseDifficulty.Hard).Machine;
            if (m.Kernel == KernelProfile.V2_4_22 && m.NrCpus > 1)
            {
                Assert.Equal(32, m.NrCpus);
                seen++;
            }
        }

        Assert.True(seen > 0);
    }

    [Fact]
    public void SplitMix64_gives_the_reference_sequence()
    {
        // The first outputs of the reference splitmix64.c for seed 0.
        var rng = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, rng.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.Next());
        Assert.Equal(0x06C45D188009454FUL, rng.Next());
    }

    [Fact]
    public void Below_stays_in_range_and_reaches_every_value()
    {
        var rng = new SplitMix64(42);
        var seen = new bool[7];
        for (var i = 0; i < 1000; i++)
        {
            seen[rng.Below(7)] = true;
        }

        Assert.All(seen, Assert.True);
    }

    [Theory]
    [MemberData(nameof(TopicsAndDifficulties))]
    public void Every_seed_makes_the_same_exercise_twice(ExerciseTopic topic, ExerciseDifficulty difficulty)
    {
        foreach (var seed in Enumerable.Range(-5, 105))
        {
            var a = ExerciseGenerator.Generate(topic, seed, difficulty);
            var b = ExerciseGenerator.Generate(topic, seed, difficulty);
            Assert.Equal(a.Machine, b.Machine);
            Assert.Equal(a.Question, b.Question);
            Assert.Equal(a.Answer, b.Answer);
            Assert.Equal(a.Steps, b.Steps);
            Assert.Equal(a.Inputs.Select(i => i.ToString()), b.Inputs.Select(i => i.ToString()));
        }
    }

    [Theory]
    [MemberData(nameof(TopicsAndDifficulties))]
    public void Different_seeds_make_different_exercises(ExerciseTopic topic, ExerciseDifficulty difficulty)
    {
        var questions = Enumerable.Range(1, 50).Select(s => ExerciseGenerator.Generate(topic, s, difficulty).Question).Distinct().Count();
        Assert.True(questions > 10, topic + " " + difficulty + ": only " + questions + " different questions in 50 seeds");
    }

    [Fact]
    public void Harder_exercises_draw_from_more_machines()
    {
        int Machines(ExerciseDifficulty d) => Enumerable.Range(1, 60).Select(s => ExerciseGenerator.Generate(ExerciseTopic.Split, s, d).Machine).Distinct().Count();
        Assert.True(Machines(ExerciseDifficulty.Easy) < Machines(ExerciseDifficulty.Medium));
        var hard = Enumerable.Range(1, 60).Select(s => ExerciseGenerator.Generate(ExerciseTopic.Split, s, ExerciseDifficulty.Hard).Machine).ToList();
        Assert.Contains(hard, m => m.Kernel.Version == "2.4.22");
        Assert.Contains(hard, m => m.Kernel.Version == "6.17");
        Assert.Contains(hard, m => m.NrCpus > 2);
    }

    [Fact]
    public void DirectMap_answers_are_the_models_pa_and_va()
    {
        foreach (var seed in Enumerable.Range(1, 40))
        {
            var e = ExerciseGenerator.Generate(ExerciseTopic.DirectMap, seed, ExerciseDifficulty.Medium);
            var m = Machine.Boot(e.Machine.ToMachineConfig());
            var input = e.Inputs[0];
            Assert.Equal(input.Name == "VirtualAddress" ? m.Pa(input.Number!.Value) : m.Va(input.Number!.Value), e.Answer);
        }
    }

    [Fact]
    public void Split_answers_match_the_split_table_for_3G()
    {
        foreach (var seed in Enumerable.Range(1, 40))
        {
            var e = ExerciseGenerator.Generate(ExerciseTopic.Split, seed, ExerciseDifficulty.Easy);
            var big = e.Machine.MemorySize >= 896UL << 20;
            if (e.Question.EndsWith("PAGE_OFFSET?", StringComparison.Ordinal))
            {
                Assert.Equal(0xC0000000UL, e.Answer);
            }
            else if (e.Question.EndsWith("MAXMEM?", StringComparison.Ordinal))
            {
                Assert.Equal(0x38000000UL, e.Answer);
            }
            else if (e.Question.EndsWith("high_memory?", StringComparison.Ordinal))
            {
                Assert.Equal(big ? 0xF8000000UL : 0xC0000000UL + e.Machine.MemorySize, e.Answer);
            }
            else
            {
                Assert.Equal(big ? 0x38000UL : e.Machine.MemorySize >> 12, e.Answer);
            }
        }
    }

    [Fact]
    public void KmapAtomic_answers_are_the_cpus_fixmap_slot()
    {
        foreach (var seed in Enumerable.Range(1, 40))
        {
            var e = ExerciseGenerator.Generate(ExerciseTopic.KmapAtomic, seed, ExerciseDifficulty.Hard);
            var m = Machine.Boot(e.Machine.ToMachineConfig());
            var type = m.Kernel.KmTypeValue(e.Inputs[1].Text!, m.Options.DebugHighmem);
            var cpu = (int)e.Inputs[2].Number!.Value;
            Assert.Equal(m.FixToVirt(m.Fixmaps.IndexOf("FIX_KMAP_BEGIN") + type + m.KmTypeNr * cpu), e.Answer);
        }
    }

    [Fact]
    public void Fixmap_answers_are_fix_to_virt_of_the_name()
    {
        foreach (var seed in Enumerable.Range(1, 40))
        {
            var e = ExerciseGenerator.Generate(ExerciseTopic.Fixmap, seed, ExerciseDifficulty.Easy);
            var m = Machine.Boot(e.Machine.ToMachineConfig());
            Assert.Equal(m.FixToVirt(m.FixmapIndex(e.Inputs[0].Text!)), e.Answer);
        }
    }

    [Fact]
    public void Pkmap_first_new_slot_is_1_on_a_fresh_machine()
    {
        // W13: last_pkmap_nr starts at 0 and map_new_virtual() increments before it looks, so slot 0 is taken last.
        var e = Enumerable.Range(1, 40).Select(s => ExerciseGenerator.Generate(ExerciseTopic.Pkmap, s, ExerciseDifficulty.Easy)).First();
        Assert.Contains("slot 1", e.Steps[1]);
    }

    [Fact]
    public void Zones_of_a_2GiB_machine_end_at_max_low_pfn_and_max_pfn()
    {
        var e = Enumerable.Range(1, 200).Select(s => ExerciseGenerator.Generate(ExerciseTopic.Zones, s, ExerciseDifficulty.Easy))
            .First(x => x.Machine.MemorySize == 2UL << 30 && x.Question.Contains("end pfn of ZONE_NORMAL"));
        Assert.Equal(0x38000UL, e.Answer);
    }

    [Fact]
    public void Grading_teaches_the_steps_and_says_what_was_given()
    {
        var e = ExerciseGenerator.Generate(ExerciseTopic.DirectMap, 7, ExerciseDifficulty.Easy);
        var right = e.Grade(e.Answer);
        var wrong = e.Grade(e.Answer + 1);
        Assert.True(right.Correct);
        Assert.False(wrong.Correct);
        Assert.StartsWith("Correct: the answer is 0x", right.Explanation);
        Assert.Contains("you gave " + ExerciseText.Format(e.Answer + 1, e.Kind), wrong.Explanation);
        Assert.All(e.Steps, s => Assert.Contains(s, wrong.Explanation));
        Assert.Contains("PAGE_OFFSET", wrong.Explanation);
    }
}
