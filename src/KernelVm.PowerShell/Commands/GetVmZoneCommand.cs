using System.Management.Automation;

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
        public string[]? Name { get; set; }

        /// <summary>Only zones of these nodes.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int[]? Node { get; set; }

        protected override void ProcessRecord()
        {
            var machine = TargetMachine;
            foreach (var zone in machine.Memory.Zones)
            {
                if ((Node is null || System.Array.IndexOf(Node, zone.NodeId) >= 0) && Patterns.Match(Name, zone.Name))
                {
                    WriteObject(new VmZoneInfo(machine, zone));
                }
            }
        }
    }
}
