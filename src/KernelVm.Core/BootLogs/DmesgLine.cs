namespace KernelVm.BootLogs
{
    /// <summary>
    /// One line of a saved boot log as dmesg printed it, without its timestamp: a kernel message, or a
    /// marker where whoever posted the log left lines out ("[... lines omitted ...]").
    /// </summary>
    /// <param name="LineNumber">The line's number in the file (1-based; a marker's first line).</param>
    /// <param name="Text">The message (printk's indentation kept, trailing blanks removed), or the marker's text.</param>
    /// <param name="Omission">True for a marker of left-out lines.</param>
    public sealed record DmesgLine(int LineNumber, string Text, bool Omission);
}
