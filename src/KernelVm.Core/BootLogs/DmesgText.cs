using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace KernelVm.BootLogs
{
    /// <summary>
    /// Splits the text of a saved dmesg into its lines: the "[    0.000000] " timestamp (printk's
    /// CONFIG_PRINTK_TIME prefix) or a "&lt;6&gt;" level prefix (/proc/kmsg) is removed, "# " lines are
    /// comments of whoever saved the log, and "[... ...]" marks lines left out (a marker may wrap
    /// onto following lines until its closing "]").
    /// </summary>
    public static class DmesgText
    {
        private static readonly Regex Prefix = new(@"^(<\d>)?(\[\s*\d+\.\d+\] ?)?", RegexOptions.CultureInvariant);

        public static IReadOnlyList<DmesgLine> Read(string text)
        {
            var lines = new List<DmesgLine>();
            var raw = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            for (var i = 0; i < raw.Length; i++)
            {
                var line = raw[i].TrimEnd();
                if (line.StartsWith("#", StringComparison.Ordinal) || line.Length == 0)
                {
                    continue;
                }

                if (line.StartsWith("[...", StringComparison.Ordinal))
                {
                    var first = i;
                    var marker = line;
                    while (!marker.EndsWith("]", StringComparison.Ordinal) && i + 1 < raw.Length)
                    {
                        marker += " " + raw[++i].Trim();
                    }

                    lines.Add(new DmesgLine(first + 1, marker, Omission: true));
                    continue;
                }

                lines.Add(new DmesgLine(i + 1, line.Substring(Prefix.Match(line).Length), Omission: false));
            }

            return lines;
        }

        /// <summary>A message as compared: printk and dmesg differ in runs of blanks (alignment, pasting), not in words.</summary>
        public static string Normalize(string text) => Regex.Replace(text.Trim(), @"\s+", " ");
    }
}
