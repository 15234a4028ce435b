using System.Globalization;
using System.Text.RegularExpressions;
using KernelVm.Physical;

namespace KernelVm.BootLogs
{
    /// <summary>
    /// One "BIOS-e820:" line in either of the kernel's formats: 2.4/2.6.24 print_memory_map()'s
    /// "0000000000000000 - 000000000009fc00 (usable)" (end exclusive), and 6.x e820__print_table()'s
    /// "[mem 0x0000000000000000-0x000000000009fbff] usable" (end inclusive).
    /// </summary>
    internal static class E820Line
    {
        private static readonly Regex Old = new(@"^BIOS-e820: ([0-9a-fA-F]{1,16}) - ([0-9a-fA-F]{1,16}) \((.+)\)$", RegexOptions.CultureInvariant);
        private static readonly Regex New = new(@"^BIOS-e820: \[mem 0x([0-9a-fA-F]{1,16})-0x([0-9a-fA-F]{1,16})\] (.+)$", RegexOptions.CultureInvariant);

        internal static bool IsE820(string text) => text.StartsWith("BIOS-e820:", System.StringComparison.Ordinal);

        internal static E820Entry Read(DmesgLine line, string text)
        {
            var inclusive = false;
            var m = Old.Match(text);
            if (!m.Success)
            {
                m = New.Match(text);
                inclusive = true;
            }

            if (!m.Success)
            {
                throw Errors.BadBootLogLine(line.LineNumber, line.Text, "neither 'BIOS-e820: start - end (type)' nor 'BIOS-e820: [mem 0xstart-0xend] type'.");
            }

            var start = ulong.Parse(m.Groups[1].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            var end = ulong.Parse(m.Groups[2].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) + (inclusive ? 1UL : 0UL);
            if (end <= start)
            {
                throw Errors.BadBootLogLine(line.LineNumber, line.Text, "the range ends before it starts.");
            }

            return new E820Entry(start, end - start, Type(line, m.Groups[3].Value));
        }

        /// <summary>The type by the name the kernel prints for it, or the number of "type N".</summary>
        private static E820Type Type(DmesgLine line, string name) =>
            E820Map.TypeOfName(name) ?? throw Errors.BadBootLogLine(line.LineNumber, line.Text, "'" + name + "' is not an e820 type the kernel prints.");
    }
}
