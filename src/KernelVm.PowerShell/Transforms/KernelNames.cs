using System;
using System.Linq;

namespace KernelVm.PowerShell.Transforms
{
    /// <summary>
    /// Reads the short names the docs use for a Kconfig choice: '3G' or '3G_OPT' for VMSPLIT_3G and
    /// VMSPLIT_3G_OPT, '4G' for HighMem4G, '2G/2G' as people write a split. Full names work too.
    /// </summary>
    internal static class KernelNames
    {
        internal static bool TryParse<T>(string? text, string prefix, out T value)
            where T : struct, Enum
        {
            var name = (text ?? string.Empty).Trim().Replace('/', '_');
            foreach (var defined in Enum.GetNames(typeof(T)))
            {
                if (name.Length > 0 && (string.Equals(defined, name, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(defined, prefix + name, StringComparison.OrdinalIgnoreCase)))
                {
                    value = (T)Enum.Parse(typeof(T), defined);
                    return true;
                }
            }

            value = default;
            return false;
        }

        /// <summary>The names without their prefix, as the docs and tab completion spell them.</summary>
        internal static string[] ShortNames<T>(string prefix)
            where T : struct, Enum =>
            Enum.GetNames(typeof(T)).Select(n => n.StartsWith(prefix, StringComparison.Ordinal) ? n.Substring(prefix.Length) : n).ToArray();
    }
}
