namespace KernelVm.Layout
{
    /// <summary>The CONFIG_VMSPLIT_* choice: where user space ends and the kernel's direct map begins.</summary>
    public enum VmSplit
    {
        /// <summary>3G/1G, PAGE_OFFSET 0xC0000000 (the default).</summary>
        VMSPLIT_3G,
        /// <summary>3G/1G "optimised for full 1G low memory", PAGE_OFFSET 0xB0000000; not with PAE.</summary>
        VMSPLIT_3G_OPT,
        /// <summary>2G/2G, PAGE_OFFSET 0x80000000.</summary>
        VMSPLIT_2G,
        /// <summary>2G/2G "optimised for full 2G low memory", PAGE_OFFSET 0x78000000; not with PAE.</summary>
        VMSPLIT_2G_OPT,
        /// <summary>1G/3G, PAGE_OFFSET 0x40000000.</summary>
        VMSPLIT_1G,
    }
}
