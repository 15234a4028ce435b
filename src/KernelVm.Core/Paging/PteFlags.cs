using System;

namespace KernelVm.Paging
{
    /// <summary>The x86 page-table entry bits (include/asm-x86/pgtable_32.h, v2.6.24).</summary>
    [Flags]
    public enum PteFlags : ulong
    {
        None = 0,
        Present = 0x001,
        RW = 0x002,
        User = 0x004,
        PWT = 0x008,
        PCD = 0x010,
        Accessed = 0x020,
        Dirty = 0x040,
        /// <summary>In a PGD (non-PAE) or PMD (PAE) entry: a 4 MiB or 2 MiB page.</summary>
        PSE = 0x080,
        Global = 0x100,
        Unused1 = 0x200,
        Unused2 = 0x400,
        Unused3 = 0x800,
        /// <summary>No-execute, bit 63: PAE (and x86-64) only.</summary>
        NX = 1UL << 63,
    }

    /// <summary>The composite values the kernel builds its entries from.</summary>
    public static class PteValues
    {
        /// <summary>_PAGE_TABLE: P|RW|USER|ACCESSED|DIRTY, what one_page_table_init() puts in a PMD.</summary>
        public const ulong PageTable = 0x067;

        /// <summary>_KERNPG_TABLE: P|RW|ACCESSED|DIRTY.</summary>
        public const ulong KernPgTable = 0x063;

        /// <summary>_PAGE_KERNEL_EXEC: P|RW|DIRTY|ACCESSED.</summary>
        public const ulong KernelExec = 0x063;

        /// <summary>The frame bits of an entry: bits 12 and up, below the NX bit (52 address bits).</summary>
        public const ulong FrameMask = 0x000FFFFFFFFFF000;
    }
}
