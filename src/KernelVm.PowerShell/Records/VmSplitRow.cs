using KernelVm.Layout;

namespace KernelVm.PowerShell
{
    /// <summary>One row of the split table (Mauerer, Table 3-6), computed from the kernel's formulas.</summary>
    public sealed class VmSplitRow
    {
        internal VmSplitRow(VmSplit split, ulong pageOffset, ulong maxMem, bool allowed, string kernel, bool pae)
        {
            VmSplit = split;
            PageOffset = pageOffset;
            UserSpace = pageOffset;
            MaxMem = maxMem;
            MaxMemPfn = maxMem >> KernelVm.Machine.PageShift;
            HighMemory = pageOffset + maxMem;
            Allowed = allowed;
            KernelVersion = kernel;
            Pae = pae;
        }

        public VmSplit VmSplit { get; }

        /// <summary>PAGE_OFFSET (CONFIG_PAGE_OFFSET).</summary>
        public Address PageOffset { get; }

        /// <summary>Bytes of user space: TASK_SIZE = PAGE_OFFSET.</summary>
        public Address UserSpace { get; }

        /// <summary>MAXMEM: the most RAM the direct map holds.</summary>
        public Address MaxMem { get; }

        public Address MaxMemPfn { get; }

        /// <summary>high_memory when RAM is at least MAXMEM.</summary>
        public Address HighMemory { get; }

        /// <summary>Whether Kconfig offers this split for the kernel and PAE setting.</summary>
        public bool Allowed { get; }

        public string KernelVersion { get; }

        public bool Pae { get; }
    }
}
