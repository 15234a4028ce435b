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

        // What boot wrote, frozen by MarkBooted (moved, not copied: an idle machine keeps one set).
        private Dictionary<int, ulong>? _boot;

        // Written since MarkBooted (during boot, before it).
        private Dictionary<int, ulong>? _written;

        internal TablePage(ulong physical, Func<int, ulong>? rule = null)
        {
            Physical = physical;
            _rule = rule;
        }

        internal ulong Physical { get; }

        /// <summary>Every entry written, by boot or since, that is not the rule's.</summary>
        internal IEnumerable<KeyValuePair<int, ulong>> Written
        {
            get
            {
                if (_boot is not null)
                {
                    foreach (var entry in _boot)
                    {
                        if (_written is null || !_written.ContainsKey(entry.Key))
                        {
                            yield return entry;
                        }
                    }
                }

                if (_written is not null)
                {
                    foreach (var entry in _written)
                    {
                        yield return entry;
                    }
                }
            }
        }

        /// <summary>The entries whose value differs from what boot left there.</summary>
        internal IEnumerable<KeyValuePair<int, ulong>> ChangedSinceBoot()
        {
            if (_written is null)
            {
                yield break;
            }

            foreach (var entry in _written)
            {
                if (entry.Value != AtBoot(entry.Key))
                {
                    yield return entry;
                }
            }
        }

        /// <summary>Freezes the entries boot wrote, so that later changes can be told from them.</summary>
        internal void MarkBooted()
        {
            _boot = _written;
            _written = null;
        }

        private ulong AtBoot(int index) => _boot is not null && _boot.TryGetValue(index, out var value) ? value : _rule?.Invoke(index) ?? 0;

        internal ulong this[int index]
        {
            get => _written is not null && _written.TryGetValue(index, out var value) ? value : AtBoot(index);
            set => (_written ??= new Dictionary<int, ulong>())[index] = value;
        }
    }
}
