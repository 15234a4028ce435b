using System;
using System.Collections.Generic;

namespace KernelVm.Paging
{
    /// <summary>
    /// One page of page-table entries. Boot fills tables by rule (the direct map is a formula of
    /// the index), so a table holds its rule and only the entries written since: memory stays
    /// proportional to what changed, not to RAM.
    /// </summary>
    internal sealed class TablePage
    {
        private readonly Func<int, ulong>? _rule;
        private Dictionary<int, ulong>? _written;
        private Dictionary<int, ulong>? _bootWritten;

        internal TablePage(ulong physical, Func<int, ulong>? rule = null)
        {
            Physical = physical;
            _rule = rule;
        }

        internal ulong Physical { get; }

        /// <summary>The entries written since boot, by index.</summary>
        internal IEnumerable<KeyValuePair<int, ulong>> Written => _written ?? (IEnumerable<KeyValuePair<int, ulong>>)Array.Empty<KeyValuePair<int, ulong>>();

        /// <summary>The entries whose value differs from what boot left there.</summary>
        internal IEnumerable<KeyValuePair<int, ulong>> ChangedSinceBoot()
        {
            foreach (var entry in Written)
            {
                var atBoot = _bootWritten is not null && _bootWritten.TryGetValue(entry.Key, out var value) ? value : _rule?.Invoke(entry.Key) ?? 0;
                if (entry.Value != atBoot)
                {
                    yield return entry;
                }
            }
        }

        /// <summary>Remembers the entries boot wrote, so that later changes can be told from them.</summary>
        internal void MarkBooted() => _bootWritten = _written is null ? null : new Dictionary<int, ulong>(_written);

        internal ulong this[int index]
        {
            get => _written is not null && _written.TryGetValue(index, out var value) ? value : _rule?.Invoke(index) ?? 0;
            set => (_written ??= new Dictionary<int, ulong>())[index] = value;
        }
    }
}
