using System.Globalization;
using System.Management.Automation.Host;

namespace KernelVm.Shell;

/// <summary>The PSHost the engine talks to: console output, and the exit code a script asks for.</summary>
internal sealed class ShellHost : PSHost
{
    private readonly Guid _id = Guid.NewGuid();
    private readonly ShellHostUserInterface _ui = new();

    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    public override Guid InstanceId => _id;

    public override string Name => "KernelVm.Shell";

    public override PSHostUserInterface UI => _ui;

    internal ShellHostUserInterface ShellUI => _ui;

    public override Version Version => typeof(ShellHost).Assembly.GetName().Version ?? new Version(0, 1);

    /// <summary>The code passed to <c>exit</c>, once a script has asked to leave.</summary>
    public int? ExitCode { get; private set; }

    public override void EnterNestedPrompt() => throw new NotSupportedException("KernelVm.Shell has no nested prompts.");

    public override void ExitNestedPrompt() => throw new NotSupportedException("KernelVm.Shell has no nested prompts.");

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode) => ExitCode = exitCode;
}
