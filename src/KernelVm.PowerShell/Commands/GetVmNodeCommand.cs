using System.Management.Automation;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>The memory nodes (pglist_data), like crash's kmem -n: contig_page_data alone on a UMA machine.</summary>
    [Cmdlet(VerbsCommon.Get, "VmNode")]
    [OutputType(typeof(VmNodeInfo))]
    public sealed class GetVmNodeCommand : MachineCommand
    {
        /// <summary>Only these node ids.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public int[]? Node { get; set; }

        protected override void ProcessRecord()
        {
            var machine = TargetMachine;
            foreach (var node in machine.Memory.Nodes)
            {
                if (Node is null || System.Array.IndexOf(Node, node.Id) >= 0)
                {
                    WriteObject(new VmNodeInfo(machine, node));
                }
            }
        }
    }
}
