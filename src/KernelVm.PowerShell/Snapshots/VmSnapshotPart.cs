namespace KernelVm.PowerShell
{
    /// <summary>The parts of a machine a snapshot can hold.</summary>
    [System.Flags]
    public enum VmSnapshotPart
    {
        None = 0,
        /// <summary>The regions of the virtual address space (Get-VmLayout).</summary>
        Layout = 1,
        /// <summary>pkmap_count[] and the page each slot maps (Get-PkmapCount).</summary>
        Pkmap = 2,
        /// <summary>page_address_htable: each bucket's chain, in order, with the page_address_map entry used.</summary>
        Hash = 4,
        /// <summary>page_address() of every highmem page that has a kmap address (Get-PageAddress).</summary>
        Pages = 8,
        /// <summary>Every fixmap index and its PTE (Get-Fixmap).</summary>
        Fixmap = 16,
        /// <summary>The kernel page-table entries changed since boot.</summary>
        PageTables = 32,
        /// <summary>What each CPU's TLB holds (Get-VmTlb).</summary>
        Tlb = 64,
        /// <summary>The tasks and their waits (Get-VmTask).</summary>
        Tasks = 128,
        All = Layout | Pkmap | Hash | Pages | Fixmap | PageTables | Tlb | Tasks,
    }
}
