using System.Text;
using System.Text.RegularExpressions;

namespace KernelVm.HelpCompiler;

/// <summary>
/// Reads PlatyPS (schema 2.0.0) command markdown: front matter, then "## SECTION" headings,
/// "### " sub-headings for syntax sets, examples, parameters, inputs and outputs, and fenced blocks.
/// </summary>
internal static partial class MarkdownHelpParser
{
    private static readonly string[] RequiredSections =
        { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

    internal static CommandHelp Parse(string markdown, string source)
    {
        var lines = StripFrontMatter(markdown.Replace("\r\n", "\n").Split('\n'));
        var title = lines.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))
            ?? throw new FormatException(source + ": no '# Command-Name' title.");
        var help = new CommandHelp(title[2..].Trim());
        var sections = SplitBy(lines, "## ");
        foreach (var required in RequiredSections)
        {
            if (!sections.ContainsKey(required))
            {
                throw new FormatException(source + ": missing section '## " + required + "'.");
            }
        }

        help.Synopsis = Text(sections["SYNOPSIS"]);
        help.Description = Text(sections["DESCRIPTION"]);
        help.Notes = Text(sections["NOTES"]);
        ParseSyntax(help, sections["SYNTAX"]);
        foreach (var (heading, body) in SplitBy(sections["EXAMPLES"], "### "))
        {
            var (code, rest) = TakeFence(body);
            help.Examples.Add(new Example(heading, code, Text(rest)));
        }

        foreach (var (heading, body) in SplitBy(sections["PARAMETERS"], "### "))
        {
            if (heading == "CommonParameters")
            {
                continue;
            }

            var (yaml, rest) = TakeFence(body);
            help.Parameters.Add(new ParameterHelp(heading.TrimStart('-'), Text(rest), ParseYaml(yaml)));
        }

        help.Inputs.AddRange(SplitBy(sections["INPUTS"], "### ").Select(kv => new TypeHelp(kv.Key, Text(kv.Value))));
        help.Outputs.AddRange(SplitBy(sections["OUTPUTS"], "### ").Select(kv => new TypeHelp(kv.Key, Text(kv.Value))));
        foreach (Match m in LinkPattern().Matches(string.Join("\n", sections["RELATED LINKS"])))
        {
            help.Links.Add(new Link(m.Groups[1].Value, m.Groups[2].Value));
        }

        Validate(help, source);
        return help;
    }

    private static void ParseSyntax(CommandHelp help, List<string> body)
    {
        var blocks = SplitBy(body, "### ");
        if (blocks.Count == 0)
        {
            blocks = new Dictionary<string, List<string>> { ["__AllParameterSets"] = body };
        }

        foreach (var (heading, block) in blocks)
        {
            var (code, _) = TakeFence(block);
            var names = ParameterInSyntax().Matches(code).Select(m => m.Groups[1].Value).ToList();
            help.Syntax.Add(new SyntaxBlock(heading.Replace("(Default)", "").Trim(), names));
        }
    }

    private static void Validate(CommandHelp help, string source)
    {
        if (help.Synopsis.Length == 0 || help.Description.Length == 0 || help.Examples.Count == 0)
        {
            throw new FormatException(source + ": SYNOPSIS, DESCRIPTION and at least one example are required.");
        }

        foreach (var p in help.Parameters.Where(p => p.Description.Length == 0))
        {
            throw new FormatException(source + ": parameter -" + p.Name + " has no description.");
        }

        foreach (var name in help.Syntax.SelectMany(s => s.ParameterNames).Distinct())
        {
            if (help.Parameters.All(p => p.Name != name))
            {
                throw new FormatException(source + ": the syntax names -" + name + ", which has no '### -" + name + "' entry.");
            }
        }
    }

    private static string[] StripFrontMatter(string[] lines)
    {
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return lines;
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        return end < 0 ? lines : lines[(end + 1)..];
    }

    /// <summary>Splits lines into (heading text, body) in document order, at lines that start with the marker.</summary>
    private static Dictionary<string, List<string>> SplitBy(IEnumerable<string> lines, string marker)
    {
        var result = new Dictionary<string, List<string>>();
        List<string>? current = null;
        var inFence = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            if (!inFence && line.StartsWith(marker, StringComparison.Ordinal))
            {
                current = new List<string>();
                result[line[marker.Length..].Trim()] = current;
            }
            else
            {
                current?.Add(line);
            }
        }

        return result;
    }

    /// <summary>The first fenced block's content, and the lines after it.</summary>
    private static (string Code, List<string> After) TakeFence(List<string> body)
    {
        var start = body.FindIndex(l => l.StartsWith("```", StringComparison.Ordinal));
        if (start < 0)
        {
            return ("", body);
        }

        var end = body.FindIndex(start + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        if (end < 0)
        {
            throw new FormatException("An unclosed ``` block.");
        }

        var code = string.Join("\n", body.Skip(start + 1).Take(end - start - 1));
        var rest = body.Take(start).Concat(body.Skip(end + 1)).ToList();
        return (code, rest);
    }

    private static Dictionary<string, string> ParseYaml(string yaml)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in yaml.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                map[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return map;
    }

    /// <summary>Paragraph text: lines joined, blank lines kept as paragraph breaks.</summary>
    internal static string Text(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            sb.Append(line.TrimEnd()).Append('\n');
        }

        return sb.ToString().Trim();
    }

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)]*)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"(?<=[\s\[])-(\w+)")]
    private static partial Regex ParameterInSyntax();
}
