namespace KernelVm.Paging
{
    /// <summary>One level of a page-table hierarchy: which address bits index it.</summary>
    public sealed class PagingLevel
    {
        internal PagingLevel(string name, int shift, int bits)
        {
            Name = name;
            Shift = shift;
            Bits = bits;
        }

        /// <summary>pgd, pud, pmd or pte.</summary>
        public string Name { get; }

        /// <summary>PGDIR_SHIFT, PUD_SHIFT, PMD_SHIFT or PAGE_SHIFT.</summary>
        public int Shift { get; }

        /// <summary>log2 of PTRS_PER_*.</summary>
        public int Bits { get; }

        public int Entries => 1 << Bits;

        /// <summary>The bytes one entry maps.</summary>
        public ulong Span => 1UL << Shift;

        public int IndexOf(ulong address) => (int)((address >> Shift) & (ulong)(Entries - 1));
    }
}
