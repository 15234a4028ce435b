namespace KernelVm.Physical
{
    /// <summary>One line the kernel prints while it boots, as dmesg shows it.</summary>
    public sealed record BootMessage(PrintkLevel Level, string Text)
    {
        public override string ToString() => Text;
    }
}
