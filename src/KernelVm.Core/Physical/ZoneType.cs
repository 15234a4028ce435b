namespace KernelVm.Physical
{
    /// <summary>enum zone_type. The numeric value is the index in node_zones for the machine's architecture.</summary>
    public enum ZoneType
    {
        DMA,
        DMA32,
        Normal,
        HighMem,
        Movable,

        /// <summary>ZONE_DEVICE (CONFIG_ZONE_DEVICE, 64-bit 6.x distribution kernels): device memory, empty at boot.</summary>
        Device,
    }
}
