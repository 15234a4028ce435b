namespace KernelVm.Physical
{
    /// <summary>
    /// The type of a BIOS e820 range, by the kernel's numbers (E820_RAM ... in 2.4/2.6.24,
    /// enum e820_type in 6.x's asm/e820/types.h).
    /// </summary>
    public enum E820Type : uint
    {
        Ram = 1,
        Reserved = 2,
        Acpi = 3,
        Nvs = 4,
        Unusable = 5,
        Pmem = 7,
        Pram = 12,
        SoftReserved = 0xefffffff,
    }
}
