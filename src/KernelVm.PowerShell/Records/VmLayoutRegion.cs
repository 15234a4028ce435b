using KernelVm.Layout;

namespace KernelVm.PowerShell
{
    /// <summary>One region of a machine's virtual address space, [Start, Last].</summary>
    public sealed class VmLayoutRegion
    {
        internal VmLayoutRegion(Machine machine, MemoryRegion region)
        {
            Machine = machine.Name;
            Name = region.Name;
            Kind = region.Kind;
            Start = region.Start;
            Last = region.Last;
            Size = region.Size;
            Description = region.Description;
        }

        public string Name { get; }

        public RegionKind Kind { get; }

        public Address Start { get; }

        /// <summary>The last address in the region (inclusive, as the kernel's layout documents write it).</summary>
        public Address Last { get; }

        public Address Size { get; }

        public string Description { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
