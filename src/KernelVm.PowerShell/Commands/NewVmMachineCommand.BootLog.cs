using System.Linq;
using System.Management.Automation;
using KernelVm.BootLogs;
using KernelVm.PowerShell.Files;

namespace KernelVm.PowerShell.Commands
{
    // New-VmMachine -BootLog: a twin of the machine a real boot log comes from.
    public sealed partial class NewVmMachineCommand
    {
        /// <summary>The parameters that shape a machine, which a boot log decides instead.</summary>
        private static readonly string[] ConfigParameters =
        {
            nameof(Architecture), nameof(VmSplit), nameof(MemorySize), nameof(KernelVersion), nameof(HighMem), nameof(Config),
            nameof(NrCpus), nameof(KernelOption), nameof(CpuFeature), nameof(BootOption), nameof(Node), nameof(E820), nameof(StructPageSize),
            nameof(KernelImageSize),
        };

        /// <summary>A saved dmesg: boots a twin of its machine, configured from what the log states and implies.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "BootLog")]
        [ValidateNotNullOrEmpty]
        public string? BootLog { get; set; }

        /// <summary>The twin's configuration, or null with the error (a config parameter given too, a file that is no boot log).</summary>
        private MachineConfig? BootLogConfig(string name, out ErrorRecord? error)
        {
            var given = ConfigParameters.Where(MyInvocation.BoundParameters.ContainsKey).ToArray();
            if (given.Length > 0)
            {
                error = CmdletErrors.BootLogConflict(given);
                return null;
            }

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
