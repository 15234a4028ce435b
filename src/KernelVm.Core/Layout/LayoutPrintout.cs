using System.Collections.Generic;
using System.Globalization;

namespace KernelVm.Layout
{
    /// <summary>
    /// The "virtual kernel memory layout" block mem_init() prints (arch/x86/mm/init_32.c, 2.6.24).
    /// </summary>
    internal static class LayoutPrintout
    {
        /// <param name="text">The virtual address of _text.</param>
        internal static IEnumerable<string> Lines(KernelLayout layout, ulong text, KernelSections sections)
        {
            yield return "virtual kernel memory layout:";
            yield return Line("fixmap ", layout.FixaddrStart, layout.FixaddrTop, (layout.FixaddrTop - layout.FixaddrStart) >> 10, "kB");
            if (layout.PkmapBase is { } pkmap)
            {
                var size = (ulong)layout.LastPkmap * Machine.PageSize;
                yield return Line("pkmap  ", pkmap, pkmap + size, size >> 10, "kB");
            }

            yield return Line("vmalloc", layout.VmallocStart, layout.VmallocEnd, (layout.VmallocEnd - layout.VmallocStart) >> 20, "MB");
            yield return Line("lowmem ", layout.PageOffset, layout.HighMemory, (layout.HighMemory - layout.PageOffset) >> 20, "MB");
            yield return Line("  .init", text + sections.InitBegin, text + sections.InitEnd, (sections.InitEnd - sections.InitBegin) >> 10, "kB");
            yield return Line("  .data", text + sections.Etext, text + sections.Edata, (sections.Edata - sections.Etext) >> 10, "kB");
            yield return Line("  .text", text, text + sections.Etext, sections.Etext >> 10, "kB");
        }

        private static string Line(string name, ulong start, ulong end, ulong size, string unit) =>
            string.Format(CultureInfo.InvariantCulture, "    {0} : 0x{1:x8} - 0x{2:x8}   ({3,4} {4})", name, start, end, size, unit);
    }
}
