using System.Collections.Generic;

namespace KernelVm.Fixmap
{
    /// <summary>enum fixed_addresses as one kernel version and configuration define it.</summary>
    public sealed class FixmapEnum
    {
        private readonly List<FixmapRange> _ranges = new();

        internal FixmapEnum(IEnumerable<FixmapSlotDefinition> definitions, FixmapInputs inputs)
        {
            var index = 0;
            foreach (var definition in definitions)
            {
                if (definition.BootTime && EndOfPermanent < 0)
                {
                    EndOfPermanent = index;
                }

                var count = definition.Count(inputs, index);
                if (count > 0 && definition.FirstName is null)
                {
                    index += count;
                }
                else if (count > 0)
                {
                    _ranges.Add(new FixmapRange(definition.FirstName!, definition.LastName, index, count, definition.BootTime));
                    index += count;
                }
            }

            EndOfFixed = index;
            if (EndOfPermanent < 0)
            {
                EndOfPermanent = index;
            }
        }

        public IReadOnlyList<FixmapRange> Ranges => _ranges;

        /// <summary>__end_of_permanent_fixed_addresses.</summary>
        public int EndOfPermanent { get; } = -1;

        /// <summary>__end_of_fixed_addresses.</summary>
        public int EndOfFixed { get; }

        /// <summary>The range an index belongs to, or null at or past __end_of_fixed_addresses.</summary>
        public FixmapRange? RangeOf(int index)
        {
            foreach (var range in _ranges)
            {
                if (range.Contains(index))
                {
                    return range;
                }
            }

            return null;
        }

        /// <summary>The index of a name (FIX_KMAP_BEGIN, or FIX_KMAP_BEGIN+3), or -1.</summary>
        public int IndexOf(string name)
        {
            foreach (var range in _ranges)
            {
                if (string.Equals(range.FirstName, name, System.StringComparison.OrdinalIgnoreCase))
                {
                    return range.FirstIndex;
                }

                if (string.Equals(range.LastName, name, System.StringComparison.OrdinalIgnoreCase))
                {
                    return range.LastIndex;
                }

                var plus = name.LastIndexOf('+');
                if (plus > 0 && string.Equals(range.FirstName, name.Substring(0, plus), System.StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(name.Substring(plus + 1), out var offset) && offset >= 0 && offset < range.Count)
                {
                    return range.FirstIndex + offset;
                }
            }

            return -1;
        }
    }
}
