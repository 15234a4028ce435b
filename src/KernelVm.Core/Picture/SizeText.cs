using System.Globalization;

namespace KernelVm.Picture
{
    /// <summary>Byte counts as people read them, for the layout pictures and the views.</summary>
    public static class SizeText
    {
        private static readonly string[] Units = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };

        /// <summary>In the largest binary unit that divides the count (896 MiB, 2 GiB, 114680 KiB).</summary>
        public static string Exact(ulong bytes)
        {
            var unit = 0;
            while (unit < Units.Length - 1 && bytes >= 1024 && bytes % 1024 == 0)
            {
                bytes /= 1024;
                unit++;
            }

            return bytes.ToString(CultureInfo.InvariantCulture) + " " + Units[unit];
        }

        /// <summary>
        /// The exact form when it is short (at most four digits), else about three significant digits in
        /// the largest unit below the count, after <paramref name="about"/>: 114680 KiB is "~ 112 MiB".
        /// </summary>
        public static string Readable(ulong bytes, string about)
        {
            var exact = Exact(bytes);
            if (exact.IndexOf(' ') <= 4)
            {
                return exact;
            }

            var unit = 0;
            var value = (double)bytes;
            while (unit < Units.Length - 1 && value >= 1024)
            {
                value /= 1024;
                unit++;
            }

            var format = value < 10 ? "0.##" : value < 100 ? "0.#" : "0";
            return about + " " + value.ToString(format, CultureInfo.InvariantCulture) + " " + Units[unit];
        }
    }
}
