namespace KernelVm.Profiles
{
    /// <summary>The processor family and paging mode the kernel was built for.</summary>
    public enum Architecture
    {
        /// <summary>i386 with 2-level page tables (no PAE).</summary>
        X86,
        /// <summary>i386 with PAE: 3-level page tables and 64-bit PTEs (CONFIG_X86_PAE).</summary>
        X86Pae,
        /// <summary>x86-64 with 4-level page tables.</summary>
        X86_64,
    }
}
