using System.Collections;
using System.Collections.Generic;

namespace KernelVm.Workloads
{
    /// <summary>Consecutive pfns, without an array: a page set can be all of a 64 GiB machine's pages.</summary>
    public sealed class PfnRange : IReadOnlyList<ulong>
    {
        public PfnRange(ulong first, int count)
        {
            First = first;
            Count = count;
        }

        public ulong First { get; }

        public int Count { get; }

        public ulong this[int index] => First + (ulong)index;

        public IEnumerator<ulong> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return First + (ulong)i;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
