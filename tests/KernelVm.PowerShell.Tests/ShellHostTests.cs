using System.Diagnostics;

namespace KernelVm.PowerShell.Tests;

/// <summary>The console host, run as a user runs it: a separate process.</summary>
public sealed class ShellHostTests
{
    private static (int Code, string Out, string Err) Shell(string? stdin, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        info.ArgumentList.Add(Repo.ShellDll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        p.StandardInput.Write(stdin ?? "");
        p.StandardInput.Close();
        var outText = p.StandardOutput.ReadToEndAsync();
        var errText = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "the shell did not exit");
        return (p.ExitCode, outText.Result, errText.Result);
    }

    private static string Script(string body)
    {
        var path = Path.Combine(Path.GetTempPath(), "kvm-" + Guid.NewGuid().ToString("N") + ".ps1");
        File.WriteAllText(path, body);
        return path;
    }

    [Fact]
    public void Command_prints_objects_with_the_default_formatting()
    {
        var (code, output, err) = Shell(null, "-Command", "$null = New-VmMachine; (ConvertTo-PhysicalAddress 0xC0100000).PhysicalAddress; Get-Command -Module KernelVm");
        Assert.True(code == 0, err);
        Assert.Contains("0x00100000", output);
        Assert.DoesNotContain("1048576", output);
        Assert.Contains("ConvertTo-PhysicalAddress", output);
        Assert.Contains("New-VmMachine", output);
        Assert.DoesNotContain("\u001b[", output);
    }

    [Fact]
    public void Command_that_fails_prints_the_error_as_pwsh_does_and_exits_1()
    {
        var (code, _, err) = Shell(null, "-Command", "$null = New-VmMachine; ConvertTo-PhysicalAddress 0x1000");
        Assert.Equal(1, code);
        Assert.Contains("ConvertTo-PhysicalAddress: Virtual address 0x00001000 is not in the direct map", err);
    }

    [Fact]
    public void File_gets_its_arguments_and_its_exit_code()
    {
        var path = Script("param($Size) $m = New-VmMachine -MemorySize $Size; $m.MaxLowPfn; exit 3");
        var (code, output, err) = Shell(null, "-File", path, "512MB");
        Assert.True(code == 3, err);
        Assert.Contains("131072", output);
    }

    [Fact]
    public void File_that_throws_exits_1()
    {
        var (code, _, err) = Shell(null, "-File", Script("throw 'lab failed'"));
        Assert.Equal(1, code);
        Assert.Contains("lab failed", err);
    }

    [Fact]
    public void Missing_file_is_reported()
    {
        var (code, _, err) = Shell(null, "-File", "/nonexistent/x.ps1");
        Assert.NotEqual(0, code);
        Assert.Contains("/nonexistent/x.ps1", err);
    }

    [Fact]
    public void Interactive_prompt_continues_incomplete_statements()
    {
        var (code, output, err) = Shell("$m = New-VmMachine\nif ($m) {\n'booted ' + $m.Name\n}\n\nexit 5\n");
        Assert.True(code == 5, err);
        Assert.Contains("booted vm0", output);
        Assert.Contains(">> ", output);
    }

    [Fact]
    public void The_tour_example_runs()
    {
        var (code, output, err) = Shell(null, "-File", Path.Combine(Repo.Root, "examples", "tour.ps1"));
        Assert.True(code == 0, err);
        Assert.Contains("0x00100000", output);
    }
}
