using System;
using KernelVm.Exercises.Topics;

namespace KernelVm.Exercises
{
    /// <summary>
    /// Makes the exercise of a topic, seed and difficulty: draws a machine from the difficulty's
    /// space, boots it, and lets the topic ask the model. Everything drawn comes from one
    /// <see cref="SplitMix64"/> stream, so the same three values always give the same exercise.
    /// </summary>
    public static class ExerciseGenerator
    {
        /// <summary>Draws before giving up; every topic finds a machine in a few (the tests try hundreds of seeds).</summary>
        private const int Attempts = 64;

        public static Exercise Generate(ExerciseTopic topic, int seed, ExerciseDifficulty difficulty)
        {
            var asker = Asker(topic);
            var rng = new SplitMix64(StreamSeed(topic, seed, difficulty));
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var spec = ExerciseMachines.Draw(rng, difficulty);
                if (asker.NeedsKmTypes && spec.Kernel.KmTypes.Count == 0)
                {
                    continue;
                }

                Machine machine;
                try
                {
                    machine = Machine.Boot(spec.ToMachineConfig());
                }
                catch (KernelVmException)
                {
                    // A combination Kconfig refuses: draw again, as deterministically as the first time.
                    continue;
                }

                if (asker.NeedsHighmem && (machine.Pkmap is null || machine.HighStartPfn >= machine.MaxPfn))
                {
                    continue;
                }

                try
                {
                    return new Exercise(topic, seed, difficulty, spec, asker.Ask(machine, rng, difficulty));
                }
                catch (KernelVmException)
                {
                    // A question the drawn machine refuses (a full pkmap, a busy slot): draw again.
                }
            }

            throw Errors.NoExercise(topic + " seed " + seed + " (" + difficulty + ")", Attempts);
        }

        /// <summary>Distinct for every topic, seed and difficulty, so that they do not share a stream.</summary>
        internal static ulong StreamSeed(ExerciseTopic topic, int seed, ExerciseDifficulty difficulty) =>
            ((ulong)unchecked((uint)seed) << 16) | ((ulong)topic << 8) | (ulong)difficulty;

        private static TopicAsker Asker(ExerciseTopic topic) => topic switch
        {
            ExerciseTopic.Split => new SplitAsker(),
            ExerciseTopic.DirectMap => new DirectMapAsker(),
            ExerciseTopic.Pkmap => new PkmapAsker(),
            ExerciseTopic.KmapAtomic => new KmapAtomicAsker(),
            ExerciseTopic.Fixmap => new FixmapAsker(),
            ExerciseTopic.Zones => new ZonesAsker(),
            ExerciseTopic.PageWalk => new PageWalkAsker(),
            _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "Not an exercise topic."),
        };
    }
}
