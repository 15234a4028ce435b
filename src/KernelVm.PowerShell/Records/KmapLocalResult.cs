using KernelVm.Highmem;

namespace KernelVm.PowerShell
{
    /// <summary>A kmap_local_page() mapping: the stack slot pushed and its fixmap slot, or a lowmem page's own address.</summary>
    public sealed class KmapLocalResult
    {
        internal KmapLocalResult(Machine machine, KmapLocalOutcome outcome)
        {
            Machine = machine.Name;
            Task = outcome.Task;
            Cpu = outcome.Cpu;
            Pfn = outcome.Pfn;
            VirtualAddress = outcome.VirtualAddress;
            Slot = outcome.Lowmem ? null : outcome.Slot;
            FixmapIndex = outcome.Lowmem ? null : outcome.FixmapIndex;
            KmapCtrlIdx = outcome.Idx;
            Lowmem = outcome.Lowmem;
        }

        public Address Pfn { get; }

        public Address VirtualAddress { get; }

        /// <summary>The stack slot pushed (kmap_ctrl.idx - 1); empty for page_address().</summary>
        public int? Slot { get; }

        /// <summary>FIX_KMAP_BEGIN + slot + KM_MAX_IDX * cpu; empty for page_address().</summary>
        public int? FixmapIndex { get; }

        /// <summary>The task's kmap_ctrl.idx afterwards.</summary>
        public int KmapCtrlIdx { get; }

        /// <summary>page_address(): a lowmem page, or no CONFIG_HIGHMEM; no slot, no PTE.</summary>
        public bool Lowmem { get; }

        /// <summary>The CPU the call ran on (smp_processor_id()).</summary>
        public int Cpu { get; }

        public string Task { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
