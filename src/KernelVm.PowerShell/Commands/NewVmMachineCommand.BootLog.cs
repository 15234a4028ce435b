using System.Management.Automation;
using KernelVm.BootLogs;
using KernelVm.PowerShell.Files;

namespace KernelVm.PowerShell.Commands
{
    // New-VmMachine -BootLog: a twin of the machine a real boot log comes from.
    public sealed partial class NewVmMachineCommand
    {
        /// <summary>A saved dmesg: boots a twin of its machine, configured from what the log states and implies.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "BootLog")]
        [ValidateNotNullOrEmpty]
        public string? BootLog { get; set; }

        /// <summary>The twin's configuration, or null with the error (a file that is no boot log).</summary>
        private MachineConfig? BootLogConfig(string name, out ErrorRecord? error)
        {
            var facts = BootLogFile.Read(this, BootLog!, out error);
            if (facts is null)
            {
                return null;
            }

            var twin = BootLogTwin.From(facts, name);
            BootLogFile.WriteNotes(this, twin);
            return twin.Config with { EventLogCapacity = EventLogCapacity };
        }
    }
}
