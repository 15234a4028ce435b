using System.Linq;
using KernelVm.Physical;

namespace KernelVm.PowerShell
{
    /// <summary>A page descriptor, as crash's kmem -p shows it.</summary>
    public sealed class VmPageInfo
    {
        internal VmPageInfo(Machine machine, PageDescriptor page, ulong? virtualAddress)
        {
            Machine = machine.Name;
            Pfn = page.Pfn;
            PhysicalAddress = page.PhysicalAddress;
            VirtualAddress = virtualAddress is { } v ? new Address(v) : null;
            Page = page.Address;
            Flags = page.Flags;
            FlagNames = new RecordList<string>(page.FlagNames);
            PageCount = page.Count;
            MapCount = page.MapCount;
            Zone = page.Zone.Name;
            Node = page.NodeId;
        }

        public Address Pfn { get; }

        public Address PhysicalAddress { get; }

        /// <summary>The page's permanent kernel address (lowmem only); empty for high memory.</summary>
        public Address? VirtualAddress { get; }

        /// <summary>The address of the struct page itself: pfn_to_page(pfn).</summary>
        public Address Page { get; }

        /// <summary>page->flags, raw.</summary>
        public Address Flags { get; }

        /// <summary>The PG_* flags set.</summary>
        public RecordList<string> FlagNames { get; }

        /// <summary>page_count(): the page's _count.</summary>
        public int PageCount { get; }

        /// <summary>_mapcount (-1: no user mappings).</summary>
        public int MapCount { get; }

        public string Zone { get; }

        public int Node { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
