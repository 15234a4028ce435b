namespace KernelVm.BootLogs
{
    /// <summary>One line of a real boot log against the model's, or a model line the real log lacks.</summary>
    /// <param name="LineNumber">The real line's number in the file; null for a <see cref="LineStatus.Missing"/> line.</param>
    /// <param name="Kind">The line's kind (<see cref="LineKinds"/>) with its place among lines of the kind; null for a line of no known kind.</param>
    /// <param name="Reason">For a line that differs: the kernel change between the log's kernel and the model's that explains it, or null.</param>
    public sealed record BootLineComparison(int? LineNumber, string? Kind, LineStatus Status, string? RealText, string? ModelText, string? Reason);
}
