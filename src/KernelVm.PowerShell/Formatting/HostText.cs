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
        /// Whether text written to the host should carry colour. NO_COLOR (no-color.org) turns it off, as it
        /// does in pwsh. $PSStyle.OutputRendering (pwsh 7.2 and later; read by name, since Windows PowerShell
        /// 5.1 has no $PSStyle) decides next: PlainText never, Ansi always. Otherwise (Host, or 5.1) only a
        /// host that supports virtual terminal sequences, and not the console host when its standard output
        /// is redirected to a file or a pipe, where escape codes would be garbage.
        /// </summary>
        internal static bool UseColour(PSCmdlet cmdlet)
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")))
            {
                return false;
            }

            var style = cmdlet.SessionState.PSVariable.GetValue("PSStyle");
            switch (style is null ? null : PSObject.AsPSObject(style).Properties["OutputRendering"]?.Value?.ToString())
            {
                case "PlainText":
                    return false;
                case "Ansi":
                    return true;
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
