namespace KernelVm.Picture
{
    /// <summary>What a piece of the console picture is, for a front end to colour as its host allows.</summary>
    public enum TextStyle
    {
        Plain,
        Heading,
        Dim,
        User,
        Kernel,
        Vmalloc,
        Pkmap,
        Fixmap,
        Hole,
        Free,
        Stale,
        InUse,
        Set,
    }

    /// <summary>A run of text in one style.</summary>
    public readonly struct TextSpan
    {
        public TextSpan(string text, TextStyle style)
        {
            Text = text;
            Style = style;
        }

        public string Text { get; }

        public TextStyle Style { get; }
    }
}
