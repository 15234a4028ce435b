namespace KernelVm.BootLogs
{
    /// <summary>How a boot log's twin came by one of its settings.</summary>
    public enum TwinNoteKind
    {
        /// <summary>Read from the log or implied by it.</summary>
        Inferred,
        /// <summary>One of several settings that fit the log, picked by a stated rule.</summary>
        Chosen,
        /// <summary>Something the log states that the model cannot take; the twin differs there.</summary>
        Ignored,
    }

    /// <summary>One thing <see cref="BootLogTwin"/> read, inferred, chose or had to ignore.</summary>
    public sealed record TwinNote(TwinNoteKind Kind, string Text)
    {
        public override string ToString() => Kind + ": " + Text;
    }
}
