using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace KernelVm.PowerShell.Tests;

/// <summary>The module as a package: manifest, exports, conventions, help, and the PowerShell files in the repo.</summary>
public sealed class ModuleTests : IDisposable
{
    private readonly PsSession _ps = new();

    public void Dispose() => _ps.Dispose();

    private List<string> ExportedCmdlets() =>
        _ps.Run("Get-Command -Module KernelVm -CommandType Cmdlet").Output.Select(c => c.Get("Name")!.ToString()!).ToList();

    [Fact]
    public void Manifest_passes_Test_ModuleManifest_with_the_required_fields()
    {
        var m = _ps.One("Test-ModuleManifest '" + Repo.ModuleManifest + "'");
        Assert.Equal(new[] { "Desktop", "Core" }, ((IEnumerable)m.Get("CompatiblePSEditions")!).Cast<object>().Select(o => o.ToString()));
        Assert.Equal(new Version(5, 1), m.Get("PowerShellVersion"));
        Assert.NotNull(m.Get("LicenseUri"));
        Assert.NotNull(m.Get("ProjectUri"));
        Assert.NotEmpty(((IEnumerable)m.Get("Tags")!).Cast<object>());
    }

    [Fact]
    public void Manifest_lists_every_cmdlet_explicitly_and_nothing_else()
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "KernelVm.psd1"));
        Assert.DoesNotContain("*", text.Split("CmdletsToExport")[1].Split(')')[0]);
        var listed = _ps.Run("(Test-ModuleManifest '" + Repo.ModuleManifest + "').ExportedCmdlets.Keys").Output
            .Select(o => o.ToString()).Order().ToList();
        var cmdletClasses = _ps.Run("[KernelVm.PowerShell.Commands.NewVmMachineCommand].Assembly.GetExportedTypes() | " +
                                    "Where-Object { $_.IsDefined([System.Management.Automation.CmdletAttribute], $false) }").Output;
        Assert.Equal(listed, ExportedCmdlets().Order().ToList());
        Assert.Equal(listed.Count, cmdletClasses.Count);
    }

    [Fact]
    public void Every_cmdlet_is_sealed_with_an_approved_verb_OutputType_and_pipeline_input()
    {
        foreach (var name in ExportedCmdlets())
        {
            var type = (Type)_ps.One("(Get-Command " + name + ").ImplementingType").BaseObject;
            Assert.True(type.IsSealed, name + " is not sealed");
            Assert.NotEmpty(type.GetCustomAttributes(typeof(OutputTypeAttribute), false));
            var verb = name.Split('-')[0];
            Assert.True((bool)_ps.One("'" + verb + "' -in [System.Management.Automation.VerbsCommon].GetFields().Name + " +
                "[System.Management.Automation.VerbsData].GetFields().Name + [System.Management.Automation.VerbsLifecycle].GetFields().Name + " +
                "[System.Management.Automation.VerbsDiagnostic].GetFields().Name + [System.Management.Automation.VerbsCommunications].GetFields().Name + " +
                "[System.Management.Automation.VerbsSecurity].GetFields().Name + [System.Management.Automation.VerbsOther].GetFields().Name").BaseObject,
                name + " has an unapproved verb");
            var pipeline = _ps.Run("(Get-Command " + name + ").Parameters.Values | Where-Object { $_.Attributes.ValueFromPipelineByPropertyName -contains $true }");
            Assert.True(pipeline.Output.Count > 0, name + " takes no pipeline input");
        }
    }

    [Fact]
    public void Every_command_and_parameter_has_help()
    {
        var common = new HashSet<string>(System.Management.Automation.Cmdlet.CommonParameters.Concat(System.Management.Automation.Cmdlet.OptionalCommonParameters));
        foreach (var name in ExportedCmdlets())
        {
            var help = _ps.One("Get-Help " + name + " -Full");
            var synopsis = help.Get("Synopsis")?.ToString()?.Trim() ?? "";
            Assert.False(synopsis.Length == 0 || synopsis.StartsWith(name, StringComparison.Ordinal), name + " has no synopsis");
            Assert.NotNull(help.Get("description"));
            var examples = _ps.Run("@((Get-Help " + name + " -Full).examples.example)").Output;
            Assert.True(examples.Count > 0, name + " has no example");
            var parameters = _ps.Run("(Get-Command " + name + ").Parameters.Keys").Output.Select(p => p.ToString()).Where(p => !common.Contains(p));
            foreach (var parameter in parameters)
            {
                var text = _ps.Run("(Get-Help " + name + " -Parameter " + parameter + ").description.Text -join ''").Output;
                Assert.True(text.Count == 1 && text[0].ToString().Trim().Length > 0, name + " -" + parameter + " has no help");
            }
        }
    }

    [Fact]
    public void About_topic_is_installed()
    {
        var text = string.Join("\n", _ps.Run("Get-Help about_KernelVm").Output.Select(o => o.ToString()));
        Assert.Contains("New-VmMachine", text);
    }

    [Fact]
    public void Aliases_in_the_manifest_resolve_to_cmdlets()
    {
        Assert.Equal("ConvertTo-PhysicalAddress", _ps.One("(Get-Command __pa).ResolvedCommandName").ToString());
        Assert.Equal("ConvertTo-VirtualAddress", _ps.One("(Get-Command __va).ResolvedCommandName").ToString());
    }

    public static TheoryData<string> PowerShellFiles()
    {
        var data = new TheoryData<string>();
        foreach (var dir in new[] { "tests/pester", "examples" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, dir), "*.ps1"))
            {
                data.Add(Path.GetRelativePath(Repo.Root, file));
            }
        }

        data.Add("build.ps1");
        return data;
    }

    [Theory]
    [MemberData(nameof(PowerShellFiles))]
    public void PowerShell_files_parse_without_errors(string relativePath)
    {
        Parser.ParseFile(Path.Combine(Repo.Root, relativePath), out _, out var errors);
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.Extent.StartLineNumber + ": " + e.Message)));
    }

    [Fact]
    public void There_are_Pester_files()
    {
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Repo.Root, "tests", "pester"), "*.Tests.ps1"));
    }
}

public sealed class CompletionTests : IDisposable
{
    private readonly PsSession _ps = new();

    public void Dispose() => _ps.Dispose();

    private List<string> Complete(string line) =>
        _ps.Run("(TabExpansion2 '" + line.Replace("'", "''") + "' " + line.Length + ").CompletionMatches.CompletionText").Output.Select(o => o.ToString()).ToList();

    [Fact]
    public void Kernel_versions_options_km_types_and_fixmap_names_complete()
    {
        Assert.Equal(new[] { "2.4.22", "2.6.24" }, Complete("New-VmMachine -KernelVersion 2."));
        Assert.Contains("X86_IO_APIC", Complete("New-VmMachine -KernelOption X86_I"));
        Assert.Equal(new[] { "R1", "R2" }, Complete("New-VmMachine -Config R"));
        _ps.Run("$null = New-VmMachine -Config R2");
        Assert.Equal(new[] { "KM_USER0", "KM_USER1" }, Complete("Invoke-KmapAtomic 0x40000 -Type KM_US"));
        Assert.Equal(new[] { "FIX_APIC_BASE" }, Complete("Get-Fixmap -Name FIX_AP"));
    }
}
