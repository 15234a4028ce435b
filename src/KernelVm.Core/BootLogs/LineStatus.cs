namespace KernelVm.BootLogs
{
    /// <summary>How a line of a real boot log compares with the model's boot log.</summary>
    public enum LineStatus
    {
        /// <summary>The model printed the same line.</summary>
        Match,
        /// <summary>The model printed a line of the same kind that says something else (or fewer lines of the kind).</summary>
        Differs,
        /// <summary>The model prints no line of this kind for this machine.</summary>
        NotModelled,
        /// <summary>A line the model printed that the real log lacks where nothing was left out.</summary>
        Missing,
    }
}
