namespace KernelVm.Profiles
{
    /// <summary>The PG_* page flag bits of each version, indexed by bit number.</summary>
    internal static class PageFlagNames
    {
        /// <summary>include/linux/page-flags.h, v2.6.24.</summary>
        internal static readonly string?[] V2_6_24 =
        {
            "PG_locked", "PG_error", "PG_referenced", "PG_uptodate", "PG_dirty", "PG_lru", "PG_active", "PG_slab",
            "PG_owner_priv_1", "PG_arch_1", "PG_reserved", "PG_private", "PG_writeback", null, "PG_compound", "PG_swapcache",
            "PG_mappedtodisk", "PG_reclaim", null, "PG_buddy",
        };

        /// <summary>include/linux/page-flags.h, 6.17, with PG_arch_2 (X86_PAT) and without MEMORY_FAILURE or idle tracking.</summary>
        internal static readonly string?[] V6 =
        {
            "PG_locked", "PG_writeback", "PG_referenced", "PG_uptodate", "PG_dirty", "PG_lru", "PG_head", "PG_waiters",
            "PG_active", "PG_workingset", "PG_owner_priv_1", "PG_owner_2", "PG_arch_1", "PG_reserved", "PG_private",
            "PG_private_2", "PG_reclaim", "PG_swapbacked", "PG_unevictable", "PG_dropbehind", "PG_mlocked", "PG_arch_2",
        };

        /// <summary>include/linux/mm.h, v2.4.22.</summary>
        internal static readonly string?[] V2_4_22 =
        {
            "PG_locked", "PG_error", "PG_referenced", "PG_uptodate", "PG_dirty", "PG_unused", "PG_lru", "PG_active",
            "PG_slab", null, "PG_skip", "PG_highmem", "PG_checked", "PG_arch_1", "PG_reserved", "PG_launder", "PG_fs_1",
        };
    }
}
