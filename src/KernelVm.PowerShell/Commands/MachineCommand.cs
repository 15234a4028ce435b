using System.Management.Automation;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Formatting;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// The base of every cmdlet that works on a machine: the -Machine parameter, defaulting to the
    /// session's most recent machine, and the mapping of model failures to errors.
    /// </summary>
    public abstract class MachineCommand : KernelVmCommand
    {
        private Machine? _machine;

        /// <summary>
        /// The machine to work on, or its name; by default the session's default machine. It binds from
        /// the pipeline by property name only: every KernelVm record's Machine property (a name), and a
        /// machine's own (see KernelVm.Types.ps1xml). Binding it by value too would make PowerShell try,
        /// and fail, to bind every piped number here first. It is an Object, resolved by
        /// <see cref="CheckArguments"/>, so that an unknown name is reported as MachineNotFound.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(MachineNameCompleter))]
        public object? Machine { get; set; }

        /// <summary>The machine this call works on; ends the command when there is none.</summary>
        protected Machine TargetMachine => _machine ?? SessionMachines.Current.Default ?? ThrowNoMachine();

        /// <summary>A model failure for one input: report it and go on with the next.</summary>
        protected void WriteModelError(KernelVmException e) => WriteError(CmdletErrors.FromModel(e));

        protected override ErrorRecord? CheckArguments()
        {
            _machine = null;
            if (!MyInvocation.BoundParameters.ContainsKey(nameof(Machine)))
            {
                return null;
            }

            _machine = SessionMachines.Current.Resolve(Machine);
            return _machine is null ? CmdletErrors.MachineArgumentRecord(Machine) : null;
        }

        /// <summary>
        /// The -Name filter of a Get- cmdlet, without the piped machine's own name, which PowerShell
        /// binds to -Name by property name when a machine is piped (<c>$m | Get-VmZone</c>). A -Name
        /// typed on the command line is always a filter.
        /// </summary>
        protected string[]? NameFilter(string[]? names, Machine? pipedMachine) =>
            pipedMachine is not null && !CommandLineParameters.Contains("Name") ? null : names;

        /// <summary>
        /// Writes, as verbose lines, every event the machine recorded since <paramref name="from"/>; a
        /// WARN_ON_ONCE the kernel hit is also a warning.
        /// </summary>
        protected void WriteStepsSince(Machine machine, long from)
        {
            // Under kmap_lock: another runspace may be logging on the same machine.
            foreach (var e in machine.Read(m => m.Events.Since(from)))
            {
                WriteVerbose(DisplayFormat.Event(e));
                if (e.Kind == Trace.EventKind.KmapLocalWarning)
                {
                    WriteWarning("CPU " + e.Cpu.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + e.Detail);
                }
            }
        }

        private Machine ThrowNoMachine()
        {
            ThrowTerminatingError(CmdletErrors.NoMachineRecord());
            return null!;
        }
    }
}
