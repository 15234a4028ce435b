using System;
using System.Collections.Generic;
using System.Globalization;

namespace KernelVm.Workloads
{
    /// <summary>
    /// How often each operation comes up: a whole-number weight per <see cref="WorkloadOp"/>, so that
    /// @{ Kmap = 3; Kunmap = 1 } makes three kmaps for each kunmap the mix picks. Ops left out weigh 0.
    /// </summary>
    public sealed class WorkloadMix
    {
        public const int MaxWeight = 1_000_000;

        private static readonly WorkloadOp[] Ops = (WorkloadOp[])Enum.GetValues(typeof(WorkloadOp));

        private readonly int[] _weights;

        private WorkloadMix(int[] weights)
        {
            _weights = weights;
            foreach (var weight in weights)
            {
                Total += weight;
            }
        }

        /// <summary>Kmap 2, Kunmap 1, Access 1: held pages grow towards the limit, and are used. No kmap_atomic, which 6.x does not model.</summary>
        public static WorkloadMix Default { get; } = new(new[] { 2, 1, 0, 1 });

        /// <summary>The sum of the weights; an op's chance is its weight over this.</summary>
        public int Total { get; }

        public int Weight(WorkloadOp op) => _weights[(int)op];

        /// <summary>
        /// Reads a mix from name = weight pairs: names of <see cref="WorkloadOp"/> (case ignored), weights
        /// whole numbers from 0 to <see cref="MaxWeight"/> (numbers of any type, or their text). At least
        /// one weight must be above 0.
        /// </summary>
        public static WorkloadMix Parse(IEnumerable<KeyValuePair<object?, object?>> entries)
        {
            var weights = new int[Ops.Length];
            var given = new bool[Ops.Length];
            foreach (var entry in entries)
            {
                var op = ReadOp(entry.Key);
                if (given[(int)op])
                {
                    throw Errors.BadMix(entry.Key, F("{0} is given twice.", op));
                }

                given[(int)op] = true;
                weights[(int)op] = ReadWeight(op, entry.Value);
            }

            var mix = new WorkloadMix(weights);
            return mix.Total > 0 ? mix : throw Errors.BadMix(null, "every weight is 0 (or none is given), so no operation could run.");
        }

        /// <summary>One draw: op i with probability weight(i) / Total.</summary>
        internal WorkloadOp Pick(SplitMix64 rng)
        {
            var draw = rng.Below(Total);
            var i = 0;
            while (draw >= _weights[i])
            {
                draw -= _weights[i++];
            }

            return Ops[i];
        }

        /// <summary>The ops that weigh something, as "Kmap 2, Kunmap 1, Access 1".</summary>
        public override string ToString()
        {
            var parts = new List<string>();
            foreach (var op in Ops)
            {
                if (_weights[(int)op] > 0)
                {
                    parts.Add(op + " " + _weights[(int)op].ToString(CultureInfo.InvariantCulture));
                }
            }

            return string.Join(", ", parts);
        }

        private static WorkloadOp ReadOp(object? key)
        {
            if (key is WorkloadOp op && Enum.IsDefined(typeof(WorkloadOp), op))
            {
                return op;
            }

            if (key is string name)
            {
                foreach (var candidate in Ops)
                {
                    if (string.Equals(candidate.ToString(), name.Trim(), StringComparison.OrdinalIgnoreCase))
                    {
                        return candidate;
                    }
                }
            }

            throw Errors.BadMix(key, F("{0} is not an operation. The operations are {1}.",
                key is null ? "$null" : "'" + key + "'", string.Join(", ", Ops)));
        }

        private static int ReadWeight(WorkloadOp op, object? value)
        {
            decimal? number = value switch
            {
                int or long or short or sbyte or uint or ushort or byte => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                ulong u => u,
                double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) <= MaxWeight + 1 => (decimal)d,
                float f when !float.IsNaN(f) && !float.IsInfinity(f) && Math.Abs(f) <= MaxWeight + 1 => (decimal)f,
                decimal m => m,
                string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            };
            if (number is not { } n || n != decimal.Truncate(n) || n < 0 || n > MaxWeight)
            {
                throw Errors.BadMix(value, F("the weight of {0}, {1}, is not a whole number from 0 to {2}.",
                    op, value is null ? "$null" : "'" + value + "'", MaxWeight));
            }

            return (int)n;
        }

        private static string F(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
