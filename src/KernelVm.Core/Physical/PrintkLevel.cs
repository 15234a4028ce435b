namespace KernelVm.Physical
{
    /// <summary>The printk levels the boot messages use.</summary>
    public enum PrintkLevel
    {
        Warning = 4,
        Notice = 5,
        Info = 6,
        Debug = 7,
    }
}
