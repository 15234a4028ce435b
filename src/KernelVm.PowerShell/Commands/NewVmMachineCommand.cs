using System.Linq;
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
    [Cmdlet(VerbsCommon.New, "VmMachine", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = "Config")]
    [OutputType(typeof(Machine))]
    [Alias("nvm")]
    public sealed partial class NewVmMachineCommand : KernelVmCommand
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = "Config", ValueFromPipelineByPropertyName = true)]
        [EnumTransformation(typeof(Architecture))]
        public Architecture Architecture { get; set; } = Architecture.X86;

        /// <summary>A CONFIG_VMSPLIT name, short ('2G_OPT') or full; text so that a wrong one is reported as VmSplitUnknown.</summary>
        [Parameter(ParameterSetName = "Config", ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(VmSplitCompleter))]
        public string VmSplit { get; set; } = "3G";

        [Parameter(ParameterSetName = "Config", ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address MemorySize { get; set; } = 1UL << 30;

        /// <summary>A version the model knows (2.6.24); typed bare it arrives as text or a Double.</summary>
        [Parameter(ParameterSetName = "Config", ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(KernelVersionCompleter))]
        public string KernelVersion { get; set; } = KernelProfile.Default.Version;

        /// <summary>None, 4G or 64G (HighMem4G and HighMem64G work too); by default the kernel's choice.</summary>
        [Parameter(ParameterSetName = "Config", ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(HighMemCompleter))]
        public string? HighMem { get; set; }

        /// <summary>A named configuration to start from: R1 (UP, the default) or R2 (SMP, APICs, ACPI, MMCONFIG).</summary>
        [Parameter(ParameterSetName = "Config", ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(KernelOptionCompleter))]
        [ValidateNotNullOrEmpty]
        public string Config { get; set; } = "R1";

        /// <summary>NR_CPUS; 1 is a uniprocessor kernel.</summary>
        [Parameter(ParameterSetName = "Config", ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 255)]
        [IntegerTransformation]
        public int NrCpus { get; set; }

        /// <summary>Kconfig options to turn on, by name: X86_LOCAL_APIC, X86_IO_APIC, ACPI, PCI_MMCONFIG, PARAVIRT, DEBUG_HIGHMEM, ...</summary>
        [Parameter(ParameterSetName = "Config", ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(KernelOptionCompleter))]
        [ValidateNotNull]
        public string[]? KernelOption { get; set; }

        /// <summary>The CPU's features; by default PSE, PGE and NX.</summary>
        [Parameter(ParameterSetName = "Config", ValueFromPipelineByPropertyName = true)]
        [EnumTransformation(typeof(Profiles.CpuFeature))]
        public CpuFeature[]? CpuFeature { get; set; }

        /// <summary>Boot options as on a kernel command line: 'vmalloc=256M', 'highmem=512M', 'reservetop=16M'.</summary>
        [Parameter(ParameterSetName = "Config", ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public string[]? BootOption { get; set; }

        /// <summary>NUMA nodes' physical ranges: '0-2GB', '2GB-4GB'. Without it the machine is UMA.</summary>
        /// <remarks>
        /// An Object[] read in the body, so that a range that does not read is NodeRangeInvalid. A machine
        /// exports it as NodeRange: a column named Node would bind to the node ids of Get-VmZone -Node.
        /// </remarks>
        [Parameter(ParameterSetName = "Config", ValueFromPipelineByPropertyName = true)]
        [Alias("NodeRange")]
        public object[]? Node { get; set; }

        /// <summary>
        /// The BIOS memory map: '0x100000-0x4ffaffff usable' (last byte inclusive), dmesg's BIOS-e820 lines, or
        /// E820Entry objects. The map decides the RAM, and MemorySize becomes the total of its usable entries.
        /// </summary>
        [Parameter(ParameterSetName = "Config", ValueFromPipelineByPropertyName = true)]
        public object[]? E820 { get; set; }

        /// <summary>sizeof(struct page) in bytes when the kernel build differs from the model's (56 for a debug 2.6.24 i386 build); 0 for the kernel's.</summary>
        [Parameter(ParameterSetName = "Config", ValueFromPipelineByPropertyName = true)]
        [IntegerTransformation]
        public int StructPageSize { get; set; }

        /// <summary>The kernel image's size from _text to the end of its bootmem bitmap (a model assumption; 4 MiB by default).</summary>
        [Parameter(ParameterSetName = "Config", ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address KernelImageSize { get; set; } = 4UL << 20;

        /// <summary>How many events the machine's event log keeps (Get-VmEvent): 64 to 1048576, rounded up to a power of two.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IntegerTransformation]
        public int EventLogCapacity { get; set; } = Trace.EventLog.DefaultCapacity;

        /// <summary>Replaces a machine of the same name instead of failing with MachineNameTaken.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessInput()
        {
            var session = SessionMachines.Current;
            var name = Name ?? session.NextName();
            if (!CmdletErrors.IsName(name))
            {
                WriteError(CmdletErrors.BadName(CmdletErrors.MachineNameInvalid, "machine", name));
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

            MachineConfig? config;
            ErrorRecord? error;
            try
            {
                config = BootLog is null ? BuildConfig(name, preset, out error) : BootLogConfig(name, out error);
            }
            catch (KernelVmException e)
            {
                config = null;
                error = CmdletErrors.FromModel(e, BootLog);
            }

            if (config is null)
            {
                WriteError(error!);
                return;
            }

            if (config.E820 is not null && MyInvocation.BoundParameters.ContainsKey(nameof(MemorySize)) && MemorySize != E820Map.UsableBytes(config.E820))
            {
                WriteWarning("-MemorySize " + DisplayFormat.Size(MemorySize) + " is ignored: the e820 map decides the RAM (" + DisplayFormat.Size(E820Map.UsableBytes(config.E820)) + " usable).");
            }

            var ram = config.E820 is null ? (ulong)MemorySize : E820Map.UsableBytes(config.E820);
            if (!ShouldProcess(name, "Boot an " + config.Architecture + " machine with kernel " + config.Kernel + " and " + DisplayFormat.Size(ram) + " of RAM"))
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

            if (machine.ConfigNote is { } note)
            {
                // Kconfig completing a preset is expected; overriding an -NrCpus the user gave (typed or from a CSV) deserves a warning.
                if (MyInvocation.BoundParameters.ContainsKey(nameof(NrCpus)))
                {
                    WriteWarning(note);
                }
                else
                {
                    WriteVerbose(note);
                }
            }

            if (machine.Events.Capacity != EventLogCapacity)
            {
                WriteVerbose("The event log keeps " + machine.Events.Capacity + " events: " + EventLogCapacity + " rounded up to a power of two.");
            }

            foreach (var line in machine.BootLog)
            {
                // A line printed without a level shows at level 4 in dmesg, but is no warning.
                if (line.Level == PrintkLevel.Warning && !line.DefaultLevel)
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

        /// <summary>The machine's configuration, or null with the error for the first argument that does not read.</summary>
        private MachineConfig? BuildConfig(string name, KernelConfig preset, out ErrorRecord? error)
        {
            error = null;
            if (!KernelNames.TryParse<VmSplit>(VmSplit, "VMSPLIT_", out var split))
            {
                error = CmdletErrors.NameUnknown(CmdletErrors.VmSplitUnknown, VmSplit, "a CONFIG_VMSPLIT choice", KernelNames.ShortNames<VmSplit>("VMSPLIT_"));
                return null;
            }

            HighMemSupport highMem = default;
            if (HighMem is not null && !KernelNames.TryParse(HighMem, "HighMem", out highMem))
            {
                error = CmdletErrors.NameUnknown(CmdletErrors.HighMemUnknown, HighMem, "a High Memory Support choice", KernelNames.ShortNames<HighMemSupport>("HighMem"));
                return null;
            }

            var kernel = KernelVersion is null ? null : KernelProfile.Find(KernelVersion);
            if (kernel is null)
            {
                error = CmdletErrors.NameUnknown(CmdletErrors.KernelVersionUnknown, KernelVersion, "a kernel the model knows", KernelProfile.All.Select(p => p.Version).ToArray());
                return null;
            }

            object? unreadable = null;
            var nodes = Node is null ? new NodeRange[0] : NodeRanges.TryRead(Node, out unreadable);
            if (nodes is null)
            {
                error = new ErrorRecord(new System.ArgumentException(NodeRanges.Message(unreadable)), Errors.NodeRangeInvalid, ErrorCategory.InvalidArgument, unreadable);
                return null;
            }

            var e820 = E820 is null ? new E820Entry[0] : E820Entries.TryRead(E820, out unreadable);
            if (e820 is null)
            {
                error = new ErrorRecord(new System.ArgumentException(E820Entries.Message(unreadable)), CmdletErrors.E820EntryUnreadable, ErrorCategory.InvalidArgument, unreadable);
                return null;
            }

            var options = NrCpus > 0 ? preset with { NrCpus = NrCpus } : preset;
            foreach (var list in KernelOption ?? new string[0])
            {
                // One CSV cell holds them all: 'ACPI,X86_IO_APIC'.
                foreach (var option in list.Split(new[] { ',', ' ' }, System.StringSplitOptions.RemoveEmptyEntries))
                {
                    options = options.With(option);
                }
            }

            // Checked here, before -WhatIf and boot: a capacity out of range is EventLogCapacityInvalid.
            Trace.EventLog.RoundCapacity(EventLogCapacity);

            var features = Profiles.CpuFeature.None;
            foreach (var feature in CpuFeature ?? new[] { Profiles.CpuFeature.All })
            {
                features |= feature;
            }

            return new MachineConfig
            {
                Name = name,
                Architecture = Architecture,
                VmSplit = split,
                MemorySize = MemorySize,
                Kernel = kernel,
                HighMem = HighMem is null ? null : highMem,
                Options = options,
                Cpu = new CpuFeatures(features),
                Boot = BootOptions.Parse(string.Join(" ", BootOption ?? new string[0])),
                Nodes = nodes,
                E820 = e820.Length == 0 ? null : e820,
                StructPageSize = StructPageSize == 0 ? null : (ulong)StructPageSize,
                KernelImageSize = KernelImageSize,
                EventLogCapacity = EventLogCapacity,
            };
        }
    }
}
