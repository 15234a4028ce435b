using System.Collections.Generic;

namespace KernelVm
{
    /// <summary>
    /// SplitMix64 (Steele, Lea and Flood, 2014), the generator that seeds xoshiro. Exercises and
    /// workloads use it instead of System.Random, whose sequence for a seed is not promised across .NET
    /// versions: the same seed must give the same exercise or workload everywhere, for as long as the
    /// module exists. Integer arithmetic only, so every platform draws the same numbers.
    /// </summary>
    public sealed class SplitMix64
    {
        private ulong _state;

        public SplitMix64(ulong seed)
        {
            _state = seed;
        }

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>A number in [0, bound), without modulo bias: draws below 2^64 mod bound are redrawn.</summary>
        public ulong Below(ulong bound)
        {
            var threshold = (0UL - bound) % bound;
            ulong draw;
            do
            {
                draw = Next();
            }
            while (draw < threshold);

            return draw % bound;
        }

        public int Below(int bound) => (int)Below((ulong)bound);

        public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];
    }
}
