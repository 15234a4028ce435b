using KernelVm.Paging;

namespace KernelVm.PowerShell
{
    /// <summary>A kernel page-table entry changed since boot (by kmap, kmap_atomic or set_fixmap), and the address it maps.</summary>
    public sealed class PageTableEntryInfo
    {
        internal PageTableEntryInfo(Machine machine, string level, ulong virtualAddress, ulong table, int index, ulong value)
        {
            Machine = machine.Name;
            Level = level;
            VirtualAddress = virtualAddress;
            Table = table;
            Index = index;
            Value = value;
            Flags = string.Join("|", PteFlagNames.Of(value));
        }

        /// <summary>pgd, pud, pmd or pte.</summary>
        public string Level { get; }

        /// <summary>The first virtual address the entry maps.</summary>
        public Address VirtualAddress { get; }

        /// <summary>The physical address of the table that holds the entry.</summary>
        public Address Table { get; }

        public int Index { get; }

        /// <summary>The raw entry; 0 when cleared.</summary>
        public Address Value { get; }

        /// <summary>The entry's flags by name: PRESENT|RW|ACCESSED|DIRTY|GLOBAL.</summary>
        public string Flags { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
