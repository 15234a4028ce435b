using System.Globalization;

namespace KernelVm.Exercises
{
    /// <summary>How exercises write numbers: addresses, pfns and sizes in hex as the kernel prints them, indices in decimal.</summary>
    public static class ExerciseText
    {
        public static string Format(ulong value, AnswerKind kind) =>
            kind == AnswerKind.Index ? value.ToString(CultureInfo.InvariantCulture) : Errors.Hex(value);

        internal static string Hex(ulong value) => Errors.Hex(value);

        internal static string Size(ulong bytes) =>
            bytes % (1UL << 30) == 0 ? (bytes >> 30).ToString(CultureInfo.InvariantCulture) + " GiB"
            : (bytes >> 20).ToString(CultureInfo.InvariantCulture) + " MiB";
    }
}
