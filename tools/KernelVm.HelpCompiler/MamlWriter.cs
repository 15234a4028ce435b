using System.Xml;

namespace KernelVm.HelpCompiler;

/// <summary>Writes command help as the MAML that Get-Help reads (the same shape PlatyPS produces).</summary>
internal static class MamlWriter
{
    private const string Msh = "http://msh";
    private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    internal static void Write(IEnumerable<CommandHelp> commands, string path)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        using var w = XmlWriter.Create(path, settings);
        w.WriteStartDocument();
        w.WriteStartElement("helpItems", Msh);
        w.WriteAttributeString("schema", "maml");
        foreach (var help in commands)
        {
            WriteCommand(w, help);
        }

        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void WriteCommand(XmlWriter w, CommandHelp help)
    {
        w.WriteStartElement("command", "command", Command);
        w.WriteAttributeString("xmlns", "maml", null, Maml);
        w.WriteAttributeString("xmlns", "command", null, Command);
        w.WriteAttributeString("xmlns", "dev", null, Dev);

        var dash = help.Name.IndexOf('-');
        w.WriteStartElement("command", "details", Command);
        w.WriteElementString("command", "name", Command, help.Name);
        w.WriteElementString("command", "verb", Command, dash > 0 ? help.Name[..dash] : help.Name);
        w.WriteElementString("command", "noun", Command, dash > 0 ? help.Name[(dash + 1)..] : "");
        Description(w, "maml", Maml, help.Synopsis);
        w.WriteEndElement();

        Description(w, "maml", Maml, help.Description);

        w.WriteStartElement("command", "syntax", Command);
        foreach (var block in help.Syntax)
        {
            w.WriteStartElement("command", "syntaxItem", Command);
            w.WriteElementString("maml", "name", Maml, help.Name);
            foreach (var name in block.ParameterNames)
            {
                Parameter(w, help.Parameters.First(p => p.Name == name));
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("command", "parameters", Command);
        foreach (var p in help.Parameters)
        {
            Parameter(w, p);
        }

        w.WriteEndElement();

        Types(w, "inputTypes", "inputType", help.Inputs);
        Types(w, "returnValues", "returnValue", help.Outputs);

        w.WriteStartElement("maml", "alertSet", Maml);
        w.WriteStartElement("maml", "alert", Maml);
        Paragraphs(w, help.Notes);
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("command", "examples", Command);
        foreach (var example in help.Examples)
        {
            w.WriteStartElement("command", "example", Command);
            w.WriteElementString("maml", "title", Maml, "---------- " + example.Title + " ----------");
            w.WriteElementString("dev", "code", Dev, example.Code);
            w.WriteStartElement("dev", "remarks", Dev);
            Paragraphs(w, example.Remarks);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("command", "relatedLinks", Command);
        foreach (var link in help.Links)
        {
            w.WriteStartElement("maml", "navigationLink", Maml);
            w.WriteElementString("maml", "linkText", Maml, link.Text);
            // A link to another page of docs/help is for readers of the markdown; in MAML it would be
            // taken for the online address (Get-Help -Online), so only absolute addresses are kept.
            w.WriteElementString("maml", "uri", Maml, Uri.IsWellFormedUriString(link.Uri, UriKind.Absolute) ? link.Uri : "");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Parameter(XmlWriter w, ParameterHelp p)
    {
        w.WriteStartElement("command", "parameter", Command);
        w.WriteAttributeString("required", p.Required ? "true" : "false");
        w.WriteAttributeString("variableLength", p.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false");
        w.WriteAttributeString("globbing", p.Globbing ? "true" : "false");
        w.WriteAttributeString("pipelineInput", p.PipelineInput);
        w.WriteAttributeString("position", p.Position.ToLowerInvariant() == "named" ? "named" : p.Position);
        w.WriteAttributeString("aliases", p.Aliases.ToLowerInvariant() == "none" ? "none" : p.Aliases);
        w.WriteElementString("maml", "name", Maml, p.Name);
        Description(w, "maml", Maml, p.Description);
        if (p.AcceptedValues.Count > 0)
        {
            w.WriteStartElement("command", "parameterValueGroup", Command);
            foreach (var value in p.AcceptedValues)
            {
                w.WriteStartElement("command", "parameterValue", Command);
                w.WriteAttributeString("required", "false");
                w.WriteAttributeString("variableLength", "false");
                w.WriteString(value);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        if (!p.IsSwitch)
        {
            w.WriteStartElement("command", "parameterValue", Command);
            w.WriteAttributeString("required", "true");
            w.WriteAttributeString("variableLength", "false");
            w.WriteString(p.Type);
            w.WriteEndElement();
        }

        w.WriteStartElement("dev", "type", Dev);
        w.WriteElementString("maml", "name", Maml, p.Type);
        w.WriteEndElement();
        w.WriteElementString("dev", "defaultValue", Dev, p.DefaultValue);
        w.WriteEndElement();
    }

    private static void Types(XmlWriter w, string listName, string itemName, IEnumerable<TypeHelp> types)
    {
        w.WriteStartElement("command", listName, Command);
        foreach (var t in types)
        {
            w.WriteStartElement("command", itemName, Command);
            w.WriteStartElement("dev", "type", Dev);
            w.WriteElementString("maml", "name", Maml, t.TypeName);
            w.WriteEndElement();
            Description(w, "maml", Maml, t.Description);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void Description(XmlWriter w, string prefix, string ns, string text)
    {
        w.WriteStartElement(prefix, "description", ns);
        Paragraphs(w, text);
        w.WriteEndElement();
    }

    private static void Paragraphs(XmlWriter w, string text)
    {
        foreach (var para in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            w.WriteElementString("maml", "para", Maml, para.Replace("\n", " "));
        }
    }
}
