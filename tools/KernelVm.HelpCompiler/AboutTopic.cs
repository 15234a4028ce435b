namespace KernelVm.HelpCompiler;

/// <summary>
/// Turns an about-topic markdown page, in PlatyPS's form ("# Title", "## about_Name", then
/// "# SHORT DESCRIPTION", "# LONG DESCRIPTION", "## subtopics"), into the plain text Get-Help shows:
/// TOPIC and the topic's name first, headings in capitals (as Windows PowerShell's own about topics
/// are), body text indented, code fences dropped.
/// </summary>
internal static class AboutTopic
{
    internal static string ToText(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var start = lines.Length > 0 && lines[0].Trim() == "---" ? Array.FindIndex(lines, 1, l => l.Trim() == "---") + 1 : 0;
        var output = new List<string>();
        var headings = 0;
        var inFence = false;
        foreach (var line in lines.Skip(start))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            // In code, a line that starts with '#' is a comment, not a heading.
            var heading = line.TrimStart('#');
            if (inFence || heading.Length == line.Length)
            {
                output.Add(line.Length == 0 ? "" : "    " + line);
                continue;
            }

            // The first heading is the title for readers of the markdown; the second is the topic's name.
            switch (++headings)
            {
                case 1:
                    continue;
                case 2:
                    output.Add("TOPIC");
                    output.Add("    " + heading.Trim());
                    continue;
                default:
                    output.Add(heading.Trim().ToUpperInvariant());
                    continue;
            }
        }

        return string.Join(Environment.NewLine, output).Trim() + Environment.NewLine;
    }
}
