namespace KernelVm.Physical
{
    /// <summary>One line the kernel prints while it boots, as dmesg shows it.</summary>
    public sealed record BootMessage(PrintkLevel Level, string Text)
    {
        /// <summary>
        /// A printk without a KERN_ level: dmesg shows it at default_message_loglevel, 4 (Level
        /// Warning), though nothing is wrong.
        /// </summary>
        public bool DefaultLevel { get; init; }

        /// <summary>A line printed without a KERN_ level.</summary>
        public static BootMessage Unleveled(string text) => new(PrintkLevel.Warning, text) { DefaultLevel = true };

        public override string ToString() => Text;
    }
}
