using System;
using System.Globalization;

namespace KernelVm.State
{
    /// <summary>The machine file's numbers: "0x" and lowercase hex digits, as the kernel prints addresses.</summary>
    internal static class Hex
    {
        internal static string Format(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

        internal static ulong Parse(string? text, string field)
        {
            if (text is not null && text.StartsWith("0x", StringComparison.Ordinal) && text.Length > 2 && text.Length <= 18
                && ulong.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            throw Errors.MachineFileInvalidError(field, (text is null ? "a value is missing" : "'" + text + "' is not") + " a hex number such as 0xc0000000");
        }
    }

    /// <summary>Enum values by their exact names: a file written by this model or edited by hand with care.</summary>
    internal static class SavedEnum
    {
        internal static T Parse<T>(string? text, string field)
            where T : struct
        {
            if (text is not null && Enum.IsDefined(typeof(T), text))
            {
                return (T)Enum.Parse(typeof(T), text);
            }

            throw Errors.MachineFileInvalidError(field, "'" + text + "' is not one of " + string.Join(", ", Enum.GetNames(typeof(T))));
        }
    }
}
