using System;
using System.Globalization;

namespace KernelVm.Profiles
{
    /// <summary>Kernel command-line options that change the memory layout. Null means not given.</summary>
    public sealed record BootOptions
    {
        /// <summary>vmalloc=: the size of the vmalloc reserve (__VMALLOC_RESERVE).</summary>
        public ulong? Vmalloc { get; init; }

        /// <summary>highmem=: how much RAM to treat as high memory.</summary>
        public ulong? HighMem { get; init; }

        /// <summary>reservetop=: bytes to reserve at the top of the address space (moves FIXADDR_TOP down).</summary>
        public ulong? ReserveTop { get; init; }

        /// <summary>mem=: RAM above this physical address is not used (limit_regions() in 2.4/2.6.24, e820__range_remove() in 6.x).</summary>
        public ulong? Mem { get; init; }

        /// <summary>kernelcore=: memory kept for allocations that cannot move; the rest of the top zone becomes ZONE_MOVABLE.</summary>
        public ulong? KernelCore { get; init; }

        /// <summary>movablecore=: memory for ZONE_MOVABLE; turned into the kernelcore it leaves.</summary>
        public ulong? MovableCore { get; init; }

        /// <summary>
        /// Whether reservetop= came before vmalloc= on the command line. Early parameters run in order,
        /// and 2.6.24's vmalloc= assigns __VMALLOC_RESERVE while reservetop= adds to it.
        /// </summary>
        public bool ReserveTopBeforeVmalloc { get; init; }

        /// <summary>
        /// Reads options as they appear on a kernel command line ("vmalloc=256M highmem=512M"), each value
        /// read as memparse() reads it: a number (0x for hex) with an optional K, M or G suffix.
        /// </summary>
        private static readonly string[] Keys = { "vmalloc", "highmem", "reservetop", "mem", "kernelcore", "movablecore" };

        public static BootOptions Parse(string commandLine)
        {
            var options = new BootOptions();
            foreach (var word in commandLine.Split(new[] { ' ', '\t', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = word.IndexOf('=');
                var key = equals > 0 ? word.Substring(0, equals).ToLowerInvariant() : word;
                var value = equals > 0 ? MemParse(word.Substring(equals + 1)) : null;
                if (value is null)
                {
                    throw Array.IndexOf(Keys, key) >= 0 ? Errors.UnreadableBootOption(word) : Errors.UnknownBootOption(word);
                }

                options = key switch
                {
                    "vmalloc" => options with { Vmalloc = value, ReserveTopBeforeVmalloc = options.ReserveTop is not null },
                    "highmem" => options with { HighMem = value },
                    "reservetop" => options with { ReserveTop = value },
                    "mem" => options with { Mem = value },
                    "kernelcore" => options with { KernelCore = value },
                    "movablecore" => options with { MovableCore = value },
                    _ => throw Errors.UnknownBootOption(word),
                };
            }

            return options;
        }

        /// <summary>memparse(): a number in C notation with an optional K/M/G suffix; null when it is not one.</summary>
        internal static ulong? MemParse(string text)
        {
            var s = text.Trim();
            var shift = 0;
            if (s.Length > 0 && "KkMmGg".IndexOf(s[s.Length - 1]) >= 0)
            {
                shift = 10 * ("KMG".IndexOf(char.ToUpperInvariant(s[s.Length - 1])) + 1);
                s = s.Substring(0, s.Length - 1);
            }

            var hex = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
            if (!ulong.TryParse(hex ? s.Substring(2) : s, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || n > ulong.MaxValue >> shift)
            {
                return null;
            }

            return n << shift;
        }

        public override string ToString()
        {
            var parts = new System.Collections.Generic.List<string>();
            if (Vmalloc is { } v) parts.Add("vmalloc=" + MemParseText(v));
            if (HighMem is { } h) parts.Add("highmem=" + MemParseText(h));
            if (ReserveTop is { } r) parts.Add("reservetop=" + MemParseText(r));
            if (Mem is { } m) parts.Add("mem=" + MemParseText(m));
            if (KernelCore is { } k) parts.Add("kernelcore=" + MemParseText(k));
            if (MovableCore is { } mc) parts.Add("movablecore=" + MemParseText(mc));
            return string.Join(" ", parts);
        }

        /// <summary>A size as memparse() reads it back: 128M, 64K, or plain bytes.</summary>
        private static string MemParseText(ulong bytes) =>
            bytes % (1UL << 20) == 0 ? (bytes >> 20) + "M" : bytes % 1024 == 0 ? (bytes >> 10) + "K" : bytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
