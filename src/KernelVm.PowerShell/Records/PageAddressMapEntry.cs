namespace KernelVm.PowerShell
{
    /// <summary>One page_address_map entry on a page_address_htable chain: where page_address() finds a highmem page's kmap.</summary>
    public sealed class PageAddressMapEntry
    {
        internal PageAddressMapEntry(Machine machine, int bucket, int position, int entry, ulong pfn, ulong virtualAddress)
        {
            Machine = machine.Name;
            Bucket = bucket;
            Position = position;
            Entry = entry;
            Pfn = pfn;
            VirtualAddress = virtualAddress;
        }

        /// <summary>The page_address_htable bucket (hash_ptr(page, PA_HASH_ORDER)).</summary>
        public int Bucket { get; }

        /// <summary>0 for the head of the bucket's chain, then 1, 2, ...: how far page_address() walks.</summary>
        public int Position { get; }

        /// <summary>The index in page_address_maps[] the mapping uses.</summary>
        public int Entry { get; }

        public Address Pfn { get; }

        public Address VirtualAddress { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
