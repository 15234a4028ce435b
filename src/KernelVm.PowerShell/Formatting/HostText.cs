using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text;
using KernelVm.Picture;

namespace KernelVm.PowerShell.Formatting
{
    /// <summary>Styled text for the host: ANSI colour where the host shows it, plain text everywhere else.</summary>
    internal static class HostText
    {
        private const string Escape = "\u001b[";

        /// <summary>
        /// Whether text written to the host should carry colour. Where $PSStyle exists (pwsh 7.2 and later;
        /// read by name, since Windows PowerShell 5.1 has none) its OutputRendering decides, as for pwsh's
        /// own output: PlainText never, Ansi always (pwsh already turned NO_COLOR into PlainText at start).
        /// Elsewhere NO_COLOR (no-color.org) turns colour off. Otherwise (Host, or no $PSStyle) only a host
        /// that supports virtual terminal sequences gets colour, and not the console host when its standard
        /// output is redirected to a file or a pipe, where escape codes would be garbage.
        /// </summary>
        internal static bool UseColour(PSCmdlet cmdlet)
        {
            var style = cmdlet.SessionState.PSVariable.GetValue("PSStyle");
            switch (style is null ? null : PSObject.AsPSObject(style).Properties["OutputRendering"]?.Value?.ToString())
            {
                case "PlainText":
                    return false;
                case "Ansi":
                    return true;
                case null when !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")):
                    return false;
            }

            var host = cmdlet.Host;
            return host?.UI is { SupportsVirtualTerminal: true } && !(host.Name == "ConsoleHost" && Console.IsOutputRedirected);
        }

        /// <summary>One line, with SGR colour codes around each styled span when <paramref name="colour"/> is set.</summary>
        internal static string Render(IReadOnlyList<TextSpan> line, bool colour)
        {
            var text = new StringBuilder();
            foreach (var span in line)
            {
                var code = colour ? Sgr(span.Style) : null;
                text.Append(code is null ? span.Text : Escape + code + "m" + span.Text + Escape + "0m");
            }

            return text.ToString();
        }

        private static string? Sgr(TextStyle style) => style switch
        {
            TextStyle.Heading => "1",
            TextStyle.Dim or TextStyle.Hole or TextStyle.Free => "90",
            TextStyle.User => "34",
            TextStyle.Kernel => "32",
            TextStyle.Vmalloc => "33",
            TextStyle.Pkmap => "35",
            TextStyle.Fixmap => "31",
            TextStyle.Stale => "1;33",
            TextStyle.InUse => "1;36",
            TextStyle.Set => "1;31",
            _ => null,
        };
    }
}
