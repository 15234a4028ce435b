namespace KernelVm.Workloads
{
    /// <summary>A kmap a workload task holds: the page and where kmap() mapped it.</summary>
    public readonly struct HeldKmap
    {
        internal HeldKmap(ulong pfn, ulong virtualAddress)
        {
            Pfn = pfn;
            VirtualAddress = virtualAddress;
        }

        public ulong Pfn { get; }

        /// <summary>The address kmap() returned; it stays valid while the kmap is held (the slot's count is at least 2).</summary>
        public ulong VirtualAddress { get; }
    }
}
