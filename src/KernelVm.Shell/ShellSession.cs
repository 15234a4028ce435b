using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;

namespace KernelVm.Shell;

/// <summary>One runspace with KernelVm imported, and the three ways of feeding it: a command, a file, a prompt.</summary>
internal sealed class ShellSession : IDisposable
{
    private readonly ShellHost _host = new();
    private readonly Runspace _runspace;
    private PowerShell? _running;

    internal ShellSession(string modulePath)
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(new[] { modulePath });
        _runspace = RunspaceFactory.CreateRunspace(_host, state);
        _runspace.Open();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            _running?.Stop();
        };
    }

    /// <summary>Runs command text; like pwsh -Command, the exit code is 1 when it ended in failure.</summary>
    internal int RunCommand(string text)
    {
        var outcome = Execute(text);
        return _host.ExitCode ?? (outcome == Outcome.Succeeded ? 0 : 1);
    }

    /// <summary>Runs a script with arguments; like pwsh -File, 1 when it throws, else the code it exits with.</summary>
    internal int RunFile(string path, IReadOnlyList<string> arguments)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine("The argument '" + path + "' is not recognized as the name of a script file.");
            return 64;
        }

        using var ps = PowerShell.Create(_runspace);
        ps.AddScript("$global:LASTEXITCODE = 0; $__kvmArgs = $args[1]; & $args[0] @__kvmArgs").AddArgument(Path.GetFullPath(path)).AddArgument(arguments.ToArray());
        var outcome = Invoke(ps);
        return _host.ExitCode ?? (outcome == Outcome.Terminated ? 1 : LastExitCode());
    }

    /// <summary>The interactive prompt; statements that are not complete yet continue on the next line.</summary>
    internal int RunInteractive()
    {
        Console.WriteLine("KernelVm shell on PowerShell " + PSVersion() + ". Type Get-Command -Module KernelVm to begin, exit to leave.");
        while (_host.ExitCode is null)
        {
            Console.Write("PS KernelVm> ");
            var input = Console.ReadLine();
            if (input is null)
            {
                break;
            }

            while (IsIncomplete(input))
            {
                Console.Write(">> ");
                var more = Console.ReadLine();
                if (string.IsNullOrEmpty(more))
                {
                    break;
                }

                input += "\n" + more;
            }

            if (input.Trim().Length > 0)
            {
                Execute(input);
            }
        }

        return _host.ExitCode ?? 0;
    }

    public void Dispose() => _runspace.Dispose();

    private static bool IsIncomplete(string input)
    {
        Parser.ParseInput(input, out _, out var errors);
        return errors.Any(e => e.IncompleteInput);
    }

    private enum Outcome
    {
        Succeeded,
        WroteErrors,
        Terminated,
    }

    /// <summary>Runs text and prints everything as pwsh would.</summary>
    private Outcome Execute(string text)
    {
        using var ps = PowerShell.Create(_runspace);
        ps.AddScript(text);
        return Invoke(ps);
    }

    private Outcome Invoke(PowerShell ps)
    {
        // Errors go through Out-Default with the output, so they print in pwsh's own error view.
        ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
        ps.AddCommand("Out-Default");
        _running = ps;
        try
        {
            ps.Invoke();
            return ps.HadErrors ? Outcome.WroteErrors : Outcome.Succeeded;
        }
        catch (RuntimeException e)
        {
            Print(e.ErrorRecord);
            return Outcome.Terminated;
        }
        finally
        {
            _running = null;
        }
    }

    /// <summary>Prints a terminating error through pwsh's error view, onto standard error.</summary>
    private void Print(ErrorRecord error)
    {
        using var ps = PowerShell.Create(_runspace);
        ps.AddCommand("Out-Default");
        _host.ShellUI.ToStandardError = true;
        try
        {
            ps.Invoke(new object[] { error });
        }
        finally
        {
            _host.ShellUI.ToStandardError = false;
        }
    }

    private int LastExitCode()
    {
        using var ps = PowerShell.Create(_runspace);
        ps.AddScript("$global:LASTEXITCODE");
        var result = ps.Invoke();
        return result.Count == 1 && result[0]?.BaseObject is int code ? code : 0;
    }

    private string PSVersion()
    {
        using var ps = PowerShell.Create(_runspace);
        ps.AddScript("$PSVersionTable.PSVersion.ToString()");
        return ps.Invoke().FirstOrDefault()?.ToString() ?? "?";
    }
}
