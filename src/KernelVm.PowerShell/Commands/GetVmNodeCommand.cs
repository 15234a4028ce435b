using System.Linq;
using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

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
        [IntegerTransformation]
        public int[]? Node { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            foreach (var node in machine.Memory.Nodes)
            {
                if (Node is null || System.Array.IndexOf(Node, node.Id) >= 0)
                {
                    WriteObject(new VmNodeInfo(machine, node));
                }
            }

            WriteUnmatchedNodes(this, machine, Node);
        }

        /// <summary>Reports each node id the machine does not have.</summary>
        internal static void WriteUnmatchedNodes(Cmdlet cmdlet, Machine machine, int[]? ids)
        {
            var nodes = machine.Memory.Nodes.Select(n => n.Id).ToList();
            foreach (var id in (ids ?? new int[0]).Where(i => !nodes.Contains(i)))
            {
                cmdlet.WriteError(CmdletErrors.NotFound(CmdletErrors.NodeNotFound, id,
                    "Machine " + machine.Name + " has no node " + id + ". Its nodes: " + string.Join(", ", nodes) + "."));
            }
        }
    }
}
