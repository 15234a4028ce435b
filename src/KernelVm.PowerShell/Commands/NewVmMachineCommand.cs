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

        /// <summary>A named configuration to start from: R1 (UP, the default) or R2 (SMP, APICs, ACPI, MMCONFIG).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(KernelOptionCompleter))]
        [ValidateNotNullOrEmpty]
        public string Config { get; set; } = "R1";

        /// <summary>NR_CPUS; 1 is a uniprocessor kernel.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 255)]
        public int NrCpus { get; set; }

        /// <summary>Kconfig options to turn on, by name: X86_LOCAL_APIC, X86_IO_APIC, ACPI, PCI_MMCONFIG, PARAVIRT, DEBUG_HIGHMEM, ...</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(KernelOptionCompleter))]
        [ValidateNotNull]
        public string[]? KernelOption { get; set; }

        /// <summary>The CPU's features; by default PSE, PGE and NX.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public CpuFeature[]? CpuFeature { get; set; }

        /// <summary>Boot options as on a kernel command line: 'vmalloc=256M', 'highmem=512M', 'reservetop=16M'.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public string[]? BootOption { get; set; }

        /// <summary>NUMA nodes' physical ranges: '0-2GB', '2GB-4GB'. Without it the machine is UMA.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [NodeRangeTransformation]
        public NodeRange[]? Node { get; set; }

        /// <summary>The kernel image's size from _text to the end of its bootmem bitmap (a model assumption; 4 MiB by default).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public ulong KernelImageSize { get; set; } = 4UL << 20;

        /// <summary>Replaces a machine of the same name instead of failing with MachineNameTaken.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var session = SessionMachines.Current;
            var name = Name ?? session.NextName();
            if (!CmdletErrors.IsMachineName(name))
            {
                WriteError(CmdletErrors.BadMachineName(name));
                return;
            }

            var existing = session.Find(name);
            if (existing is not null && !Force)
            {
                WriteError(CmdletErrors.NameTaken(name));
                return;
            }

            if (!KernelConfig.Presets.TryGetValue(Config, out var preset))
            {
                WriteError(CmdletErrors.UnknownPreset(Config));
                return;
            }

            if (!ShouldProcess(name, "Boot a " + Architecture + " machine with kernel " + KernelVersion + " and " + DisplayFormat.Size(MemorySize) + " of RAM"))
            {
                return;
            }

            Machine machine;
            try
            {
                machine = Machine.Boot(BuildConfig(name, preset));
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

            if (existing is not null)
            {
                session.Remove(existing);
            }

            session.MakeDefault(machine);
            WriteObject(machine);
        }

        private MachineConfig BuildConfig(string name, KernelConfig preset)
        {
            var options = NrCpus > 0 ? preset with { NrCpus = NrCpus } : preset;
            foreach (var list in KernelOption ?? new string[0])
            {
                // One CSV cell holds them all: 'ACPI,X86_IO_APIC'.
                foreach (var option in list.Split(new[] { ',', ' ' }, System.StringSplitOptions.RemoveEmptyEntries))
                {
                    options = options.With(option);
                }
            }

            var features = Profiles.CpuFeature.None;
            foreach (var feature in CpuFeature ?? new[] { Profiles.CpuFeature.All })
            {
                features |= feature;
            }

            return new MachineConfig
            {
                Name = name,
                Architecture = Architecture,
                VmSplit = VmSplit,
                MemorySize = MemorySize,
                Kernel = KernelVersion,
                HighMem = MyInvocation.BoundParameters.ContainsKey(nameof(HighMem)) ? HighMem : null,
                Options = options,
                Cpu = new CpuFeatures(features),
                Boot = BootOptions.Parse(string.Join(" ", BootOption ?? new string[0])),
                Nodes = Node ?? new NodeRange[0],
                KernelImageSize = KernelImageSize,
            };
        }
    }
}
