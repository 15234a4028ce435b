namespace KernelVm.HelpCompiler;

/// <summary>
/// Turns an about-topic markdown page into the plain text Get-Help shows: headings in capitals
/// (as Windows PowerShell's own about topics are), body text indented, code fences dropped.
/// </summary>
internal static class AboutTopic
{
    internal static string ToText(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var start = lines.Length > 0 && lines[0].Trim() == "---" ? Array.FindIndex(lines, 1, l => l.Trim() == "---") + 1 : 0;
        var output = new List<string>();
        foreach (var line in lines.Skip(start))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var heading = line.TrimStart('#');
            output.Add(heading.Length < line.Length ? heading.Trim().ToUpperInvariant() : (line.Length == 0 ? "" : "    " + line));
        }

        return string.Join(Environment.NewLine, output).Trim() + Environment.NewLine;
    }
}
