namespace KernelVm.PowerShell
{
    /// <summary>A kmap_atomic() mapping: the CPU's fixmap slot for the km_type (6.x: the slot kmap_local pushed), or a lowmem page's own address.</summary>
    public sealed class KmapAtomicResult
    {
        internal KmapAtomicResult(Machine machine, string task, int cpu, string? type, ulong pfn, ulong virtualAddress, int? fixmapIndex)
        {
            Machine = machine.Name;
            Task = task;
            Cpu = cpu;
            Type = type;
            Pfn = pfn;
            VirtualAddress = virtualAddress;
            FixmapIndex = fixmapIndex;
            Lowmem = fixmapIndex is null;
        }

        public Address Pfn { get; }

        public Address VirtualAddress { get; }

        /// <summary>The km_type; empty in 6.x, which has none.</summary>
        public string? Type { get; }

        public int Cpu { get; }

        /// <summary>FIX_KMAP_BEGIN + type + KM_TYPE_NR * cpu (6.x: + stack slot + KM_MAX_IDX * cpu); empty for a lowmem page.</summary>
        public int? FixmapIndex { get; }

        /// <summary>A lowmem page: page_address(), no PTE written.</summary>
        public bool Lowmem { get; }

        public string Task { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
