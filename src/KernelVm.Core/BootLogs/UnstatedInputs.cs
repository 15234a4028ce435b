using System.Text.RegularExpressions;

namespace KernelVm.BootLogs
{
    /// <summary>
    /// Lines that depend on what a boot log does not state. 2.x mem_init()'s "Memory:" line counts as
    /// reserved every lowmem RAM page still reserved after free_all_bootmem(): the whole image, the
    /// initrd until free_initrd_mem(), and whatever boot allocated early, where the model knows
    /// only its own image size, mem_map, page tables and bootmem bitmap.
    /// </summary>
    internal static class UnstatedInputs
    {
        private static readonly Regex Memory = new(@"^Memory: (\d+)k/(\d+)k available \((\d+)k kernel code, (\d+)k reserved, (\d+)k data, (\d+)k init, (-?\d+)k highmem\)$", RegexOptions.CultureInvariant);

        /// <summary>Why a line of this kind differs when only such inputs explain it, or null.</summary>
        internal static string? Explain(string? kind, string real, string? model)
        {
            if (kind != "Memory" || model is null || Memory.Match(real.Trim()) is not { Success: true } r || Memory.Match(model.Trim()) is not { Success: true } m)
            {
                return null;
            }

            // Every field the log's machine states (RAM, code, data, init, highmem) must agree; only available and reserved may not.
            foreach (var field in new[] { 2, 3, 5, 6, 7 })
            {
                if (r.Groups[field].Value != m.Groups[field].Value)
                {
                    return null;
                }
            }

            return "Reserved (and so available) memory depends on what the log does not state: how far the image reaches past its init "
                + "section (.bss and the bootmem bitmap; the model takes a 4 MiB image), the initrd, kept reserved until free_initrd_mem(), "
                + "and the hash tables, per-CPU areas and buffers boot allocated early. RAM, code, data, init and highmem agree.";
        }
    }
}
