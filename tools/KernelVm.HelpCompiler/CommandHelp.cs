namespace KernelVm.HelpCompiler;

/// <summary>One cmdlet's help, as PlatyPS markdown describes it.</summary>
internal sealed record CommandHelp(string Name)
{
    public string Synopsis { get; set; } = "";
    public string Description { get; set; } = "";
    public List<SyntaxBlock> Syntax { get; } = new();
    public List<Example> Examples { get; } = new();
    public List<ParameterHelp> Parameters { get; } = new();
    public List<TypeHelp> Inputs { get; } = new();
    public List<TypeHelp> Outputs { get; } = new();
    public string Notes { get; set; } = "";
    public List<Link> Links { get; } = new();
}

/// <summary>One parameter set's syntax line and the parameters it names, in order.</summary>
internal sealed record SyntaxBlock(string SetName, IReadOnlyList<string> ParameterNames);

internal sealed record Example(string Title, string Code, string Remarks);

internal sealed record TypeHelp(string TypeName, string Description);

internal sealed record Link(string Text, string Uri);

internal sealed record ParameterHelp(string Name, string Description, IReadOnlyDictionary<string, string> Metadata)
{
    public string Type => Get("Type", "Object");
    public bool Required => Get("Required", "False").StartsWith("True", StringComparison.OrdinalIgnoreCase);
    public string Position => Get("Position", "Named");
    public string DefaultValue => Get("Default value", "None");
    public string PipelineInput => Get("Accept pipeline input", "False");
    public bool Globbing => Get("Accept wildcard characters", "False").StartsWith("True", StringComparison.OrdinalIgnoreCase);
    public string Aliases => Get("Aliases", "None");
    public bool IsSwitch => Type == "SwitchParameter";

    /// <summary>The "Accepted values" line (an enum's names or a ValidateSet), which Get-Help shows as {A | B}.</summary>
    public IReadOnlyList<string> AcceptedValues =>
        Get("Accepted values", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool InSet(string setName)
    {
        var sets = Get("Parameter Sets", "(All)");
        return sets == "(All)" || sets.Split(',').Any(s => s.Trim() == setName);
    }

    private string Get(string key, string fallback) =>
        Metadata.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : fallback;
}
