namespace KernelVm.Physical
{
    /// <summary>The printk formats of boot-time memory sizing ({0}, {1}: the numbers the kernel prints), per version.</summary>
    public sealed class SizingMessages
    {
        public string HighmemMoreThanAvailable { get; init; } = "";
        public string HighmemLowmemTooSmall { get; init; } = "";
        public string HighmemOnlyAvailable { get; init; } = "";
        public string HighmemIgnoredNoHighmem { get; init; } = "ignoring highmem size on non-highmem kernel!";
        public string OnlyMaxMemUsed { get; init; } = "Warning only {0}MB will be used.";
        public string UseHighmem { get; init; } = "Use a HIGHMEM enabled kernel.";
        /// <summary>Null where HIGHMEM64G no longer exists (6.x).</summary>
        public string? UseHighmem64G { get; init; } = "Use a HIGHMEM64G enabled kernel.";

        /// <summary>The 4 GiB trim of a HIGHMEM4G kernel; one or two lines.</summary>
        public string[] Only4G { get; init; } = { "Warning only 4GB will be used.", "Use a HIGHMEM64G enabled kernel." };

        private const string V2HighmemMoreThanAvailable = "highmem size specified ({0}MB) is bigger than pages available ({1}MB)!.";
        private const string V2HighmemLowmemTooSmall = "highmem size {0}MB results in smaller than 64MB lowmem, ignoring it.";
        private const string V2HighmemOnlyAvailable = "only {0}MB highmem pages available, ignoring highmem size of {1}MB.";

        /// <summary>arch/x86/kernel/setup_32.c find_max_low_pfn(), 2.6.24.</summary>
        public static SizingMessages V2 { get; } = new()
        {
            HighmemMoreThanAvailable = V2HighmemMoreThanAvailable,
            HighmemLowmemTooSmall = V2HighmemLowmemTooSmall,
            HighmemOnlyAvailable = V2HighmemOnlyAvailable,
        };

        /// <summary>arch/i386/kernel/setup.c find_max_low_pfn(), 2.4.22: as 2.6.24, but it asks for "a PAE enabled kernel".</summary>
        public static SizingMessages V2_4 { get; } = new()
        {
            HighmemMoreThanAvailable = V2HighmemMoreThanAvailable,
            HighmemLowmemTooSmall = V2HighmemLowmemTooSmall,
            HighmemOnlyAvailable = V2HighmemOnlyAvailable,
            UseHighmem64G = "Use a PAE enabled kernel.",
            Only4G = new[] { "Warning only 4GB will be used.", "Use a PAE enabled kernel." },
        };

        /// <summary>arch/x86/mm/init_32.c lowmem_pfn_init() / highmem_pfn_init(), 6.x.</summary>
        public static SizingMessages V6 { get; } = new()
        {
            HighmemMoreThanAvailable = "highmem size ({0}MB) is bigger than pages available ({1}MB)!",
            HighmemLowmemTooSmall = "highmem size ({0}MB) results in <64MB lowmem, ignoring it!",
            HighmemOnlyAvailable = "only {0}MB highmem pages available, ignoring highmem size of {1}MB!",
            Only4G = new[] { "Warning: only 4GB will be used. Support for CONFIG_HIGHMEM64G was removed!" },
            UseHighmem64G = null,
        };
    }
}
