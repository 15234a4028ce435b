using System.Globalization;

namespace KernelVm.PowerShell.Formatting
{
    /// <summary>
    /// The text the format views show. Views call these so that display logic stays in C#, where
    /// it is tested; the objects themselves keep raw numbers.
    /// </summary>
    public static class DisplayFormat
    {
        /// <summary>0x and at least <paramref name="digits"/> hex digits.</summary>
        public static string Hex(ulong value, int digits) =>
            "0x" + value.ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        /// <summary>A page frame number as crash prints it: hex, five digits for 32-bit physical memory.</summary>
        public static string Pfn(ulong pfn) => Hex(pfn, 5);

        /// <summary>A byte count in the largest binary unit that divides it (896 MiB, 2 GiB, 8 KiB), else in bytes.</summary>
        public static string Size(ulong bytes)
        {
            string[] units = { "B", "KiB", "MiB", "GiB", "TiB" };
            var unit = 0;
            while (unit < units.Length - 1 && bytes >= 1024 && bytes % 1024 == 0)
            {
                bytes /= 1024;
                unit++;
            }

            return bytes.ToString(CultureInfo.InvariantCulture) + " " + units[unit];
        }
    }
}
