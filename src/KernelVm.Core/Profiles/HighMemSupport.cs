namespace KernelVm.Profiles
{
    /// <summary>The "High Memory Support" Kconfig choice of an i386 kernel.</summary>
    public enum HighMemSupport
    {
        /// <summary>CONFIG_NOHIGHMEM: RAM above MAXMEM is not used.</summary>
        None,
        /// <summary>CONFIG_HIGHMEM4G: high memory up to 4 GiB of RAM.</summary>
        HighMem4G,
        /// <summary>CONFIG_HIGHMEM64G: high memory up to 64 GiB; selects X86_PAE.</summary>
        HighMem64G,
    }
}
