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

        internal TablePage(ulong physical, Func<int, ulong>? rule = null)
        {
            Physical = physical;
            _rule = rule;
        }

        internal ulong Physical { get; }

        internal ulong this[int index]
        {
            get => _written is not null && _written.TryGetValue(index, out var value) ? value : _rule?.Invoke(index) ?? 0;
            set => (_written ??= new Dictionary<int, ulong>())[index] = value;
        }
    }
}
