using System.Management.Automation;
using KernelVm.Picture;
using KernelVm.PowerShell.Formatting;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// The machine's layout, pkmap slots and fixmap indices as a picture for a person at a console
    /// (<see cref="LayoutText"/>). It writes to the host as Write-Host does (the information stream, tagged
    /// PSHOST) and returns nothing: the picture is for reading, and Get-VmLayout, Get-PkmapCount and
    /// Get-Fixmap give the same facts as objects for scripts.
    /// </summary>
    [Cmdlet(VerbsCommon.Show, "VmLayout")]
    [OutputType(typeof(void))]
    public sealed class ShowVmLayoutCommand : MachineCommand
    {
        private static readonly string[] HostTags = { "PSHOST" };

        protected override void ProcessInput()
        {
            var snapshot = LayoutSnapshot.Of(TargetMachine);
            var colour = HostText.UseColour(this);
            foreach (var line in LayoutText.Lines(snapshot))
            {
                WriteInformation(new HostInformationMessage { Message = HostText.Render(line, colour) }, HostTags);
            }
        }
    }
}
