using System;
using System.Globalization;

namespace KernelVm.PowerShell.Transforms
{
    /// <summary>
    /// Reads an address, pfn or size from text as people write it.
    /// Hex when it starts with 0x, has a hex letter, or groups digits with '_' ('C000_0000');
    /// decimal when it is digits only, which is also how Export-Csv writes numbers, so a CSV
    /// round-trips. An optional K/M/G/T suffix (KB, KiB, ...) multiplies by powers of 1024.
    /// Bare hex that reads as scientific notation ('1e10', '2E5') is refused: nobody can tell which
    /// was meant, so it must carry its 0x.
    /// </summary>
    internal static class NumberParser
    {
        internal static ulong Parse(string text)
        {
            if (!TryParse(text, out var value))
            {
                throw new FormatException(string.Format(CultureInfo.InvariantCulture,
                    "'{0}' is not an address or size. Write it as 0xC0000000, C000_0000, 3221225472, 896MB or 2GB.", text));
            }

            return value;
        }

        private static bool LooksScientific(string s)
        {
            var e = s.IndexOfAny(new[] { 'e', 'E' });
            if (e <= 0 || e == s.Length - 1)
            {
                return false;
            }

            for (var i = 0; i < s.Length; i++)
            {
                if (i != e && (s[i] < '0' || s[i] > '9') && !(i == e + 1 && (s[i] == '+' || s[i] == '-')))
                {
                    return false;
                }
            }

            return true;
        }

        internal static bool TryParse(string? text, out ulong value)
        {
            value = 0;
            var s = (text ?? string.Empty).Trim();
            if (LooksScientific(s))
            {
                return false;
            }

            var shift = SuffixShift(ref s);
            var grouped = s.IndexOf('_') > 0;
            s = s.Replace("_", string.Empty);
            var hex = grouped;
            if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                s = s.Substring(2);
                hex = true;
            }

            if (s.Length == 0)
            {
                return false;
            }

            foreach (var c in s)
            {
                var isDigit = c >= '0' && c <= '9';
                var isHexLetter = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!isDigit && !isHexLetter)
                {
                    return false;
                }

                hex |= isHexLetter;
            }

            if (!ulong.TryParse(s, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            if (shift > 0 && number > ulong.MaxValue >> shift)
            {
                return false;
            }

            value = number << shift;
            return true;
        }

        /// <summary>Strips a size suffix and returns its power of two.</summary>
        private static int SuffixShift(ref string s)
        {
            var upper = s.ToUpperInvariant();
            foreach (var unit in new[] { "KIB", "MIB", "GIB", "TIB", "KB", "MB", "GB", "TB", "K", "M", "G", "T" })
            {
                if (upper.Length > unit.Length && upper.EndsWith(unit, StringComparison.Ordinal))
                {
                    s = s.Substring(0, s.Length - unit.Length).TrimEnd();
                    return 10 * ("KMGT".IndexOf(unit[0]) + 1);
                }
            }

            return 0;
        }
    }
}
