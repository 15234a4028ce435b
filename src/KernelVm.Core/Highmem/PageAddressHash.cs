using System.Collections.Generic;

namespace KernelVm.Highmem
{
    /// <summary>
    /// page_address_htable (mm/highmem.c): PA_HASH_ORDER buckets chosen by hash_ptr() of the struct page
    /// address, each a list of page_address_map entries from page_address_maps[]: taken from
    /// page_address_pool in 2.6.24, or page_address_maps[PKMAP_NR(vaddr)] itself in 6.x.
    /// The lists are intrusive (next/prev index arrays), as in the kernel, so nothing allocates.
    /// </summary>
    internal sealed class PageAddressHash : IPageAddressStore
    {
        internal const int PaHashOrder = 7;
        private const int None = -1;

        private readonly ulong _goldenRatioPrime;
        private readonly ulong[] _page;
        private readonly ulong[] _pfn;
        private readonly ulong[] _virtual;
        private readonly int[] _next;
        private readonly int[] _prev;
        private readonly int[] _bucketHead = new int[1 << PaHashOrder];
        private readonly int[] _bucketTail = new int[1 << PaHashOrder];

        // page_address_pool, as a ring: page_address_init() pushes every entry at the head, so the
        // first taken is page_address_maps[LAST_PKMAP - 1]; freed entries go to the tail.
        private readonly int[] _pool;
        private int _poolHead;
        private int _poolCount;

        private readonly bool _usePool;

        internal PageAddressHash(int lastPkmap, ulong goldenRatioPrime, bool usePool = true)
        {
            _goldenRatioPrime = goldenRatioPrime;
            _usePool = usePool;
            _page = new ulong[lastPkmap];
            _pfn = new ulong[lastPkmap];
            _virtual = new ulong[lastPkmap];
            _next = new int[lastPkmap];
            _prev = new int[lastPkmap];
            _pool = new int[lastPkmap];
            for (var i = 0; i < lastPkmap; i++)
            {
                _pool[i] = lastPkmap - 1 - i;
            }

            _poolCount = lastPkmap;
            for (var b = 0; b < _bucketHead.Length; b++)
            {
                _bucketHead[b] = _bucketTail[b] = None;
            }
        }

        /// <summary>hash_ptr(page, PA_HASH_ORDER): hash_long() of the 32-bit pointer, top bits.</summary>
        public int BucketOf(ulong page) => (int)((uint)(page * _goldenRatioPrime) >> (32 - PaHashOrder));

        public ulong Lookup(ulong page)
        {
            for (var e = _bucketHead[BucketOf(page)]; e != None; e = _next[e])
            {
                if (_page[e] == page)
                {
                    return _virtual[e];
                }
            }

            return 0;
        }

        public void Set(ulong page, ulong pfn, ulong virtualAddress, int slot)
        {
            var e = slot;
            if (_usePool)
            {
                e = _pool[_poolHead];
                _poolHead = (_poolHead + 1) % _pool.Length;
                _poolCount--;
            }

            Append(e, page, pfn, virtualAddress);
        }

        /// <summary>Fills entry <paramref name="e"/> and adds it at the tail of its bucket's chain (list_add_tail).</summary>
        private void Append(int e, ulong page, ulong pfn, ulong virtualAddress)
        {
            _page[e] = page;
            _pfn[e] = pfn;
            _virtual[e] = virtualAddress;
            var bucket = BucketOf(page);
            _prev[e] = _bucketTail[bucket];
            _next[e] = None;
            if (_bucketTail[bucket] == None)
            {
                _bucketHead[bucket] = e;
            }
            else
            {
                _next[_bucketTail[bucket]] = e;
            }

            _bucketTail[bucket] = e;
        }

        public void Clear(ulong page)
        {
            var bucket = BucketOf(page);
            for (var e = _bucketHead[bucket]; e != None; e = _next[e])
            {
                if (_page[e] != page)
                {
                    continue;
                }

                if (_prev[e] == None) _bucketHead[bucket] = _next[e]; else _next[_prev[e]] = _next[e];
                if (_next[e] == None) _bucketTail[bucket] = _prev[e]; else _prev[_next[e]] = _prev[e];
                if (_usePool)
                {
                    _pool[(_poolHead + _poolCount) % _pool.Length] = e;
                    _poolCount++;
                }

                return;
            }
        }

        /// <summary>Every entry, bucket by bucket in list order: (bucket, page_address_maps index, page, pfn, virtual).</summary>
        public IEnumerable<(int Bucket, int Entry, ulong Page, ulong Pfn, ulong Virtual)> Entries()
        {
            for (var b = 0; b < _bucketHead.Length; b++)
            {
                for (var e = _bucketHead[b]; e != None; e = _next[e])
                {
                    yield return (b, e, _page[e], _pfn[e], _virtual[e]);
                }
            }
        }

        /// <summary>page_address_pool, first entry first.</summary>
        public IEnumerable<int> Pool()
        {
            for (var i = 0; _usePool && i < _poolCount; i++)
            {
                yield return _pool[(_poolHead + i) % _pool.Length];
            }
        }

        /// <summary>
        /// Rebuilds the chains in the given order and the pool. The caller has checked that entries and
        /// pool together use each page_address_map entry once (each slot once without a pool).
        /// </summary>
        public void Restore(IReadOnlyList<(int Entry, ulong Page, ulong Pfn, ulong Virtual)> entries, IReadOnlyList<int> pool)
        {
            for (var b = 0; b < _bucketHead.Length; b++)
            {
                _bucketHead[b] = _bucketTail[b] = None;
            }

            foreach (var (e, page, pfn, virtualAddress) in entries)
            {
                Append(e, page, pfn, virtualAddress);
            }

            _poolHead = 0;
            _poolCount = pool.Count;
            for (var i = 0; i < pool.Count; i++)
            {
                _pool[i] = pool[i];
            }
        }

        /// <summary>Whether entries come from page_address_pool (2.6.24) rather than being the pkmap slot's own.</summary>
        internal bool UsesPool => _usePool;
    }
}
