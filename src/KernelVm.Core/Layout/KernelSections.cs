namespace KernelVm.Layout
{
    /// <summary>
    /// Where the linker put the kernel image's sections, as offsets from _text: _etext, _edata,
    /// __init_begin and __init_end (arch/x86/kernel/vmlinux_32.lds.S). mem_init() prints them and
    /// is_kernel_text() ends at __init_end.
    /// </summary>
    public sealed record KernelSections
    {
        // Ubuntu 8.04's 2.6.24-19-generic, from its boot log: .text 0xc0100000-0xc03204c4,
        // .data -0xc041bdc4, .init 0xc0421000-0xc047d000.
        private static readonly KernelSections Hardy = new()
        {
            Etext = 0x2204C4,
            Edata = 0x31BDC4,
            InitBegin = 0x321000,
            InitEnd = 0x37D000,
        };

        public ulong Etext { get; init; }

        public ulong Edata { get; init; }

        /// <summary>__init_begin, page aligned.</summary>
        public ulong InitBegin { get; init; }

        /// <summary>__init_end, page aligned.</summary>
        public ulong InitEnd { get; init; }

        /// <summary>
        /// The sections of an image of this size when none are given: those of Ubuntu 8.04's generic
        /// 2.6.24 kernel, shrunk in proportion (init kept page aligned) when the image is smaller.
        /// </summary>
        public static KernelSections Default(ulong imageSize)
        {
            if (imageSize >= Hardy.InitEnd)
            {
                return Hardy;
            }

            ulong Scale(ulong offset) => (ulong)((decimal)offset * imageSize / Hardy.InitEnd);
            const ulong pageMask = Machine.PageSize - 1;
            return new KernelSections
            {
                Etext = Scale(Hardy.Etext),
                Edata = Scale(Hardy.Edata),
                InitBegin = (Scale(Hardy.Edata) + pageMask) & ~pageMask,
                InitEnd = imageSize,
            };
        }
    }
}
