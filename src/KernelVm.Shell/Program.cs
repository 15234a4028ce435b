using KernelVm.Shell;

// kernelvm [-Command <text> | -File <script.ps1> [args...]]   (no arguments: the interactive prompt)
const string Usage = "usage: kernelvm [-Command <text>] [-File <script.ps1> [arguments]]";

var modulePath = ModuleLocator.Find();
if (modulePath is null)
{
    Console.Error.WriteLine("KernelVm module not found: build the repository first (dotnet build), or set "
        + ModuleLocator.EnvironmentVariable + " to the path of KernelVm.psd1.");
    return 2;
}

var rest = args.Where(a => !a.Equals("-NoProfile", StringComparison.OrdinalIgnoreCase)
                         && !a.Equals("-NoLogo", StringComparison.OrdinalIgnoreCase)).ToList();
if (rest.Count > 0 && (rest[0] is "-h" or "-?" or "--help" || rest[0].Equals("-Help", StringComparison.OrdinalIgnoreCase)))
{
    Console.WriteLine(Usage);
    return 0;
}

using var session = new ShellSession(modulePath);
if (rest.Count == 0)
{
    return session.RunInteractive();
}

if (rest[0].Equals("-Command", StringComparison.OrdinalIgnoreCase) || rest[0].Equals("-c", StringComparison.OrdinalIgnoreCase))
{
    if (rest.Count < 2)
    {
        Console.Error.WriteLine(Usage);
        return 64;
    }

    return session.RunCommand(string.Join(" ", rest.Skip(1)));
}

if (rest[0].Equals("-File", StringComparison.OrdinalIgnoreCase) || rest[0].Equals("-f", StringComparison.OrdinalIgnoreCase))
{
    if (rest.Count < 2)
    {
        Console.Error.WriteLine(Usage);
        return 64;
    }

    return session.RunFile(rest[1], rest.Skip(2).ToList());
}

// Like pwsh, a first argument that is not a switch is a script file.
return rest[0].StartsWith('-') ? Fail(rest[0]) : session.RunFile(rest[0], rest.Skip(1).ToList());

static int Fail(string argument)
{
    Console.Error.WriteLine("Unknown argument '" + argument + "'. " + Usage);
    return 64;
}
