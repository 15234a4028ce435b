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
    }
}
