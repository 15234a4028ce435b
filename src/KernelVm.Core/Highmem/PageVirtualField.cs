using System.Collections.Generic;

namespace KernelVm.Highmem
{
    /// <summary>2.4.22: struct page always has a virtual field under CONFIG_HIGHMEM; there is no hash.</summary>
    internal sealed class PageVirtualField : IPageAddressStore
    {
        private readonly Dictionary<ulong, ulong> _virtual = new();

        public ulong Lookup(ulong page) => _virtual.TryGetValue(page, out var v) ? v : 0;

        public void Set(ulong page, ulong pfn, ulong virtualAddress, int slot) => _virtual[page] = virtualAddress;

        public void Clear(ulong page) => _virtual.Remove(page);

        public int BucketOf(ulong page) => -1;
    }
}
