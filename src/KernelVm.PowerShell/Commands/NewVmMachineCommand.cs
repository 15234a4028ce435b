using System.Management.Automation;
using KernelVm.Layout;
using KernelVm.Physical;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Formatting;
using KernelVm.PowerShell.Transforms;
using KernelVm.Profiles;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>Boots a simulated machine and makes it the session's default.</summary>
    [Cmdlet(VerbsCommon.New, "VmMachine", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Machine))]
    [Alias("nvm")]
    public sealed class NewVmMachineCommand : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public Architecture Architecture { get; set; } = Architecture.X86;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [KernelNameTransformation(typeof(VmSplit), "VMSPLIT_")]
        public VmSplit VmSplit { get; set; } = VmSplit.VMSPLIT_3G;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public ulong MemorySize { get; set; } = 1UL << 30;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [KernelProfileTransformation]
        [ArgumentCompleter(typeof(KernelVersionCompleter))]
        public KernelProfile KernelVersion { get; set; } = KernelProfile.Default;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [KernelNameTransformation(typeof(HighMemSupport), "HighMem")]
        public HighMemSupport HighMem { get; set; }

        protected override void ProcessRecord()
        {
            var session = SessionMachines.Current;
            var name = Name ?? session.NextName();
            if (session.Find(name) is not null)
            {
                WriteError(CmdletErrors.NameTaken(name));
                return;
            }

            var config = new MachineConfig
            {
                Name = name,
                Architecture = Architecture,
                VmSplit = VmSplit,
                MemorySize = MemorySize,
                Kernel = KernelVersion,
                HighMem = MyInvocation.BoundParameters.ContainsKey(nameof(HighMem)) ? HighMem : null,
            };

            if (!ShouldProcess(name, "Boot a " + Architecture + " machine with kernel " + KernelVersion + " and " + DisplayFormat.Size(MemorySize) + " of RAM"))
            {
                return;
            }

            Machine machine;
            try
            {
                machine = Machine.Boot(config);
            }
            catch (KernelVmException e)
            {
                WriteError(CmdletErrors.FromModel(e));
                return;
            }

            foreach (var line in machine.BootLog)
            {
                if (line.Level == PrintkLevel.Warning)
                {
                    WriteWarning(line.Text);
                }
                else
                {
                    WriteVerbose(line.Text);
                }
            }

            session.Add(machine);
            WriteObject(machine);
        }
    }
}
