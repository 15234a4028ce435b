namespace KernelVm.Paging
{
    /// <summary>
    /// The run-time protection values: __PAGE_KERNEL and friends are variables that
    /// pagetable_init() ORs _PAGE_GLOBAL into when the CPU has PGE; with PAE, NX survives only
    /// when set_nx() enabled it (__supported_pte_mask).
    /// </summary>
    public sealed class PageProtections
    {
        internal PageProtections(bool pge, bool nx, ulong noCacheBits)
        {
            var global = pge ? (ulong)PteFlags.Global : 0;
            PageKernelExec = PteValues.KernelExec | global;
            PageKernel = PageKernelExec | (nx ? (ulong)PteFlags.NX : 0);
            PageKernelNoCache = PageKernel | noCacheBits;
        }

        /// <summary>PAGE_KERNEL: P|RW|DIRTY|ACCESSED (+GLOBAL, +NX). kmap_prot is this.</summary>
        public ulong PageKernel { get; }

        /// <summary>PAGE_KERNEL_EXEC: as PAGE_KERNEL without NX; used for kernel text.</summary>
        public ulong PageKernelExec { get; }

        /// <summary>PAGE_KERNEL_NOCACHE: PAGE_KERNEL | PCD in 2.4.22 and 2.6.24 (no PWT); PCD|PWT (UC) in 6.x.</summary>
        public ulong PageKernelNoCache { get; }

        public ulong PageKernelLarge => PageKernel | (ulong)PteFlags.PSE;

        public ulong PageKernelLargeExec => PageKernelExec | (ulong)PteFlags.PSE;
    }
}
