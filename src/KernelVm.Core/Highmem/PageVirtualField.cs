using System.Collections.Generic;

namespace KernelVm.Highmem
{
    /// <summary>2.4.22: struct page always has a virtual field under CONFIG_HIGHMEM; there is no hash.</summary>
    internal sealed class PageVirtualField : IPageAddressStore
    {
        private readonly Dictionary<ulong, (ulong Pfn, ulong Virtual)> _virtual = new();

        public ulong Lookup(ulong page) => _virtual.TryGetValue(page, out var v) ? v.Virtual : 0;

        public void Set(ulong page, ulong pfn, ulong virtualAddress, int slot) => _virtual[page] = (pfn, virtualAddress);

        public void Clear(ulong page) => _virtual.Remove(page);

        public int BucketOf(ulong page) => -1;

        public IEnumerable<(int Bucket, int Entry, ulong Page, ulong Pfn, ulong Virtual)> Entries()
        {
            foreach (var pair in _virtual)
            {
                yield return (-1, -1, pair.Key, pair.Value.Pfn, pair.Value.Virtual);
            }
        }

        public IEnumerable<int> Pool() => System.Array.Empty<int>();

        public void Restore(IReadOnlyList<(int Entry, ulong Page, ulong Pfn, ulong Virtual)> entries, IReadOnlyList<int> pool)
        {
            _virtual.Clear();
            foreach (var e in entries)
            {
                _virtual[e.Page] = (e.Pfn, e.Virtual);
            }
        }
    }
}
