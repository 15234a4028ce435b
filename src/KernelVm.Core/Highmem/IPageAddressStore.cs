using System.Collections.Generic;

namespace KernelVm.Highmem
{
    /// <summary>
    /// Where page_address() finds a highmem page's kmap address: the page_address_htable of
    /// HASHED_PAGE_VIRTUAL (2.6.24), or page->virtual (2.4.22).
    /// </summary>
    internal interface IPageAddressStore
    {
        /// <summary>page_address() for a highmem page: its virtual address, or 0 (NULL).</summary>
        ulong Lookup(ulong page);

        /// <summary>set_page_address(page, virtual), for the mapping in pkmap slot <paramref name="slot"/>.</summary>
        void Set(ulong page, ulong pfn, ulong virtualAddress, int slot);

        /// <summary>set_page_address(page, NULL).</summary>
        void Clear(ulong page);

        /// <summary>The bucket page_address() searches for a page, or -1 without a hash.</summary>
        int BucketOf(ulong page);

        /// <summary>Every mapping held, in lookup order: bucket by bucket along each chain (entry -1 without a hash).</summary>
        IEnumerable<(int Bucket, int Entry, ulong Page, ulong Pfn, ulong Virtual)> Entries();

        /// <summary>The free page_address_map entries in the order they will be taken; empty without a pool.</summary>
        IEnumerable<int> Pool();

        /// <summary>Replaces every mapping and the pool, as <see cref="Entries"/> and <see cref="Pool"/> gave them.</summary>
        void Restore(IReadOnlyList<(int Entry, ulong Page, ulong Pfn, ulong Virtual)> entries, IReadOnlyList<int> pool);
    }
}
