namespace KernelVm.PowerShell
{
    /// <summary>page_address() for one page, and where it looked.</summary>
    public sealed class PageAddressInfo
    {
        internal PageAddressInfo(Machine machine, ulong pfn, ulong page, bool highMem, ulong virtualAddress, int? bucket, int? slot)
        {
            Machine = machine.Name;
            Pfn = pfn;
            Page = page;
            HighMem = highMem;
            VirtualAddress = virtualAddress == 0 ? null : new Address(virtualAddress);
            Bucket = bucket;
            Slot = slot;
        }

        public Address Pfn { get; }

        /// <summary>The struct page whose address the hash is computed from.</summary>
        public Address Page { get; }

        /// <summary>PageHighMem(): lowmem pages answer __va() without a lookup.</summary>
        public bool HighMem { get; }

        /// <summary>page_address(): empty (NULL) for a highmem page that is not kmapped.</summary>
        public Address? VirtualAddress { get; }

        /// <summary>The page_address_htable bucket searched (hash_ptr(page, PA_HASH_ORDER)); empty for lowmem, and in 2.4.22, which keeps page->virtual.</summary>
        public int? Bucket { get; }

        /// <summary>The pkmap slot of the mapping, if any.</summary>
        public int? Slot { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
