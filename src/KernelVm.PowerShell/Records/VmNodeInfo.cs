using System.Linq;
using KernelVm.Physical;

namespace KernelVm.PowerShell
{
    /// <summary>A node (pglist_data), as crash's kmem -n shows it.</summary>
    public sealed class VmNodeInfo
    {
        internal VmNodeInfo(Machine machine, Node node)
        {
            Machine = machine.Name;
            Node = node.Id;
            StartPfn = node.StartPfn;
            EndPfn = node.EndPfn;
            SpannedPages = node.SpannedPages;
            PresentPages = node.PresentPages;
            NodeMemMap = node.NodeMemMap;
            MemMapPhysical = node.MemMapPhysical is { } p ? new Address(p) : null;
            MemMapSize = node.MemMapBytes;
            Zones = new RecordList<string>(node.Zones.Where(z => z.SpannedPages > 0).Select(z => z.Name));
        }

        public int Node { get; }

        public Address StartPfn { get; }

        public Address EndPfn { get; }

        public ulong SpannedPages { get; }

        public ulong PresentPages { get; }

        /// <summary>node_mem_map: the struct page of node_start_pfn.</summary>
        public Address NodeMemMap { get; }

        /// <summary>Where the map lies in physical memory; empty for x86-64's vmemmap.</summary>
        public Address? MemMapPhysical { get; }

        /// <summary>Bytes of struct page allocated for the node.</summary>
        public Address MemMapSize { get; }

        /// <summary>The zones with pages on this node.</summary>
        public RecordList<string> Zones { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
