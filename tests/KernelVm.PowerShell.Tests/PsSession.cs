using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace KernelVm.PowerShell.Tests;

/// <summary>A fresh runspace with the built module imported by its manifest path.</summary>
internal sealed class PsSession : IDisposable
{
    private readonly Runspace _runspace;

    internal PsSession(bool importModule = true)
    {
        var state = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        if (importModule)
        {
            var import = Run("Import-Module '" + Repo.ModuleManifest + "' -PassThru");
            Assert.Empty(import.Errors);
            Assert.Empty(import.Warnings);
        }
    }

    /// <summary>Runs a script; terminating errors are caught and reported with the others.</summary>
    internal RunResult Run(string script)
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        var errors = new List<ErrorRecord>();
        Collection<PSObject> output;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException e)
        {
            output = new Collection<PSObject>();
            errors.Add(e.ErrorRecord);
        }

        errors.InsertRange(0, ps.Streams.Error);
        return new RunResult(
            output.Where(o => o is not null).ToList(), errors,
            ps.Streams.Warning.Select(w => w.Message).ToList(),
            ps.Streams.Verbose.Select(v => v.Message).ToList());
    }

    /// <summary>Runs a script that must succeed and write exactly one object.</summary>
    internal PSObject One(string script)
    {
        var result = Run(script);
        Assert.True(result.Errors.Count == 0, "Unexpected error: " + string.Join("; ", result.Errors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
        return Assert.Single(result.Output);
    }

    /// <summary>Runs a script that must fail with exactly one error.</summary>
    internal ErrorRecord Error(string script)
    {
        var result = Run(script);
        return Assert.Single(result.Errors);
    }

    public void Dispose() => _runspace.Dispose();
}

internal sealed record RunResult(List<PSObject> Output, List<ErrorRecord> Errors, List<string> Warnings, List<string> Verbose);

internal static class PSObjectExtensions
{
    internal static object? Get(this PSObject o, string name) =>
        (o.Properties[name] ?? throw new Xunit.Sdk.XunitException("No property " + name + " on " + string.Join(",", o.TypeNames))).Value;

    /// <summary>A numeric property (an Address, a pfn, a size) as UInt64, converted the way PowerShell converts.</summary>
    internal static ulong Number(this PSObject o, string name) => LanguagePrimitives.ConvertTo<ulong>(o.Get(name));
}
