using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text.RegularExpressions;

namespace KernelVm.Shell;

/// <summary>Console I/O for the engine: output to stdout, errors, warnings and verbose lines to stderr as pwsh prints them.</summary>
internal sealed class ShellHostUserInterface : PSHostUserInterface
{
    private readonly ShellRawUserInterface _raw = new();

    public override PSHostRawUserInterface RawUI => _raw;

    public override bool SupportsVirtualTerminal => !Console.IsOutputRedirected;

    public override string ReadLine() => Console.ReadLine() ?? string.Empty;

    public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("KernelVm.Shell does not read secure strings.");

    /// <summary>While set, formatted output goes to standard error (a terminating error being printed).</summary>
    internal bool ToStandardError { get; set; }

    private TextWriter Output => ToStandardError ? Console.Error : Console.Out;

    private bool OutputRedirected => ToStandardError ? Console.IsErrorRedirected : Console.IsOutputRedirected;

    public override void Write(string value) => Output.Write(Plain(value, OutputRedirected));

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);

    public override void WriteLine(string value) => Output.WriteLine(Plain(value, OutputRedirected));

    public override void WriteErrorLine(string value) => Colored(Console.Error, ConsoleColor.Red, value);

    public override void WriteWarningLine(string message) => Colored(Console.Error, ConsoleColor.Yellow, "WARNING: " + message);

    public override void WriteVerboseLine(string message) => Colored(Console.Error, ConsoleColor.Yellow, "VERBOSE: " + message);

    public override void WriteDebugLine(string message) => Colored(Console.Error, ConsoleColor.Yellow, "DEBUG: " + message);

    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    {
        WriteLine(caption);
        WriteLine(message);
        var result = new Dictionary<string, PSObject>();
        foreach (var field in descriptions)
        {
            Write(field.Name + ": ");
            result[field.Name] = PSObject.AsPSObject(ReadLine());
        }

        return result;
    }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        WriteLine(caption);
        WriteLine(message);
        var labels = choices.Select(c => c.Label.Replace("&", string.Empty)).ToList();
        Write(string.Join("  ", labels.Select((l, i) => "[" + i + "] " + l)) + " (default " + defaultChoice + "): ");
        var answer = ReadLine().Trim();
        if (answer.Length == 0)
        {
            return defaultChoice;
        }

        var index = labels.FindIndex(l => l.StartsWith(answer, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : int.TryParse(answer, out var n) && n >= 0 && n < choices.Count ? n : defaultChoice;
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw new NotSupportedException("KernelVm.Shell does not prompt for credentials.");

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        throw new NotSupportedException("KernelVm.Shell does not prompt for credentials.");

    /// <summary>
    /// The formatter styles table headers and errors with ANSI sequences; like pwsh writing to a
    /// file or pipe, redirected text gets none.
    /// </summary>
    private static string Plain(string text, bool redirected) => redirected ? AnsiSequence.Replace(text, string.Empty) : text;

    private static readonly Regex AnsiSequence = new(@"\x1b\[[0-9;?]*[A-Za-z]", RegexOptions.Compiled);

    private static void Colored(TextWriter writer, ConsoleColor color, string text)
    {
        if (Console.IsErrorRedirected)
        {
            writer.WriteLine(Plain(text, true));
            return;
        }

        Console.ForegroundColor = color;
        writer.WriteLine(text);
        Console.ResetColor();
    }
}
