namespace KernelVm.Profiles
{
    /// <summary>Which version of the zone initialisation (and its boot messages) a kernel runs.</summary>
    public enum ZoneInitStyle
    {
        /// <summary>2.4.22 free_area_init(): zone sizes, one MAP_ALIGNed lmem_map, no memmap accounting.</summary>
        FreeAreaInit24,
        /// <summary>2.6.24 free_area_init_nodes(): memmap pages taken off each zone, "Zone PFN ranges".</summary>
        FreeAreaInitNodes,
        /// <summary>6.x free_area_init(): "Zone ranges" in [mem ...] form, no memmap lines.</summary>
        FreeAreaInit6,
    }
}
