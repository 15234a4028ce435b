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

        public override string ToString()
        {
            var parts = new System.Collections.Generic.List<string>();
            if (Vmalloc is { } v) parts.Add("vmalloc=" + MemParseText(v));
            if (HighMem is { } h) parts.Add("highmem=" + MemParseText(h));
            if (ReserveTop is { } r) parts.Add("reservetop=" + MemParseText(r));
            return string.Join(" ", parts);
        }

        /// <summary>A size as memparse() reads it back: 128M, 64K, or plain bytes.</summary>
        private static string MemParseText(ulong bytes) =>
            bytes % (1UL << 20) == 0 ? (bytes >> 20) + "M" : bytes % 1024 == 0 ? (bytes >> 10) + "K" : bytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
