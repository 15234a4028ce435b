namespace KernelVm
{
    // The errors of reading a real boot log (KernelVm.BootLogs).
    public static partial class Errors
    {
        public const string BootLogInvalid = "BootLogInvalid";
        public const string BootLogKernelUnsupported = "BootLogKernelUnsupported";

        // The target is the file, which only the caller knows.
        internal static KernelVmException NotABootLog(string why) => new(
            BootLogInvalid, FailureKind.InvalidData, null,
            F("This is not a boot log the model can read: {0}", why));

        internal static KernelVmException BadBootLogLine(int lineNumber, string text, string why) => new(
            BootLogInvalid, FailureKind.InvalidData, text,
            F("Line {0} of the boot log, '{1}', does not read: {2}", lineNumber, text.Trim(), why));

        internal static KernelVmException KernelUnsupported(string release) => new(
            BootLogKernelUnsupported, FailureKind.InvalidArgument, release,
            F("The log's kernel {0} is none the model simulates: it reads 2.4.x logs as 2.4.22, 2.6.x as 2.6.24, and 5.x and 6.x as 6.x (6.17).", release));
    }
}
