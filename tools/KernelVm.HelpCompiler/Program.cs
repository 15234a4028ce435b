using KernelVm.HelpCompiler;

// Usage: KernelVm.HelpCompiler <docs/help folder> <output culture folder>
// Writes KernelVm.PowerShell.dll-Help.xml from the command pages and about_*.help.txt from the
// about pages. A malformed page fails the build with its file name.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: KernelVm.HelpCompiler <help markdown folder> <output folder>");
    return 2;
}

try
{
    Directory.CreateDirectory(args[1]);
    var commands = new List<CommandHelp>();
    foreach (var file in Directory.GetFiles(args[0], "*.md").Order(StringComparer.Ordinal))
    {
        var name = Path.GetFileNameWithoutExtension(file);
        if (name.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
        {
            File.WriteAllText(Path.Combine(args[1], name + ".help.txt"), AboutTopic.ToText(File.ReadAllText(file)));
        }
        else
        {
            commands.Add(MarkdownHelpParser.Parse(File.ReadAllText(file), file));
        }
    }

    MamlWriter.Write(commands, Path.Combine(args[1], "KernelVm.PowerShell.dll-Help.xml"));
    return 0;
}
catch (FormatException e)
{
    Console.Error.WriteLine("error KVMHELP: " + e.Message);
    return 1;
}
