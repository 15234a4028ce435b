using System.Linq;
using System.Management.Automation;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>The zones of every node, like crash's kmem -z.</summary>
    [Cmdlet(VerbsCommon.Get, "VmZone")]
    [OutputType(typeof(VmZoneInfo))]
    public sealed class GetVmZoneCommand : MachineCommand
    {
        /// <summary>Zone names to match (DMA, Normal, HighMem, ...); wildcards allowed.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [Alias("Zone")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ZoneNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>
        /// A piped machine. Its Name would bind to -Name by property name and match no zone; binding it
        /// here tells the two apart (see <see cref="MachineCommand.NameFilter"/>).
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public Machine? InputObject { get; set; }

        /// <summary>Only zones of these nodes.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IntegerTransformation]
        public int[]? Node { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            var names = NameFilter(Name, InputObject);
            foreach (var zone in machine.Memory.Zones)
            {
                if ((Node is null || System.Array.IndexOf(Node, zone.NodeId) >= 0) && Patterns.Match(names, zone.Name))
                {
                    WriteObject(new VmZoneInfo(machine, zone));
                }
            }

            WriteUnmatchedZones(this, machine, names);
            GetVmNodeCommand.WriteUnmatchedNodes(this, machine, Node);
        }

        /// <summary>Reports each zone name, given without wildcards, that the machine does not have.</summary>
        internal static void WriteUnmatchedZones(Cmdlet cmdlet, Machine machine, string[]? names)
        {
            var zones = machine.Memory.Zones.Select(z => z.Name).ToList();
            foreach (var name in Patterns.Unmatched(names, zones))
            {
                cmdlet.WriteError(CmdletErrors.NotFound(CmdletErrors.ZoneNotFound, name,
                    "Machine " + machine.Name + " has no zone named '" + name + "'. Its zones: " + string.Join(", ", zones.Distinct()) + "."));
            }
        }
    }
}
