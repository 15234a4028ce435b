namespace KernelVm.Profiles
{
    /// <summary>How a kernel version places PKMAP_BASE.</summary>
    public enum PkmapPlacement
    {
        /// <summary>A constant (2.4.22: 0xFE000000).</summary>
        Fixed,
        /// <summary>(FIXADDR_BOOT_START - PAGE_SIZE * (LAST_PKMAP + 1)) &amp; PMD_MASK (2.6.24).</summary>
        BelowBootFixmaps,
        /// <summary>Below the CPU entry area and the LDT remap, each PMD aligned (6.x).</summary>
        BelowLdt,
    }
}
