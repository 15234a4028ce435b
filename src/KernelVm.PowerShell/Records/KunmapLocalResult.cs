using KernelVm.Highmem;

namespace KernelVm.PowerShell
{
    /// <summary>What kunmap_local() did: the stack slot popped (always the top), the PTE cleared and the address flushed.</summary>
    public sealed class KunmapLocalResult
    {
        internal KunmapLocalResult(Machine machine, string task, int cpu, KunmapLocalOutcome outcome)
        {
            Machine = machine.Name;
            Task = task;
            Cpu = cpu;
            VirtualAddress = outcome.Address;
            Slot = outcome.Slot < 0 ? null : outcome.Slot;
            ClearedAddress = outcome.FixmapIndex < 0 ? null : new Address(machine.FixToVirt(outcome.FixmapIndex));
            Pfn = outcome.Pfn < 0 ? null : new Address((ulong)outcome.Pfn);
            FlushedAddress = outcome.Flushed == 0 ? null : new Address(outcome.Flushed);
            KmapCtrlIdx = outcome.Idx;
            Warning = outcome.Warning;
        }

        /// <summary>The address given.</summary>
        public Address VirtualAddress { get; }

        /// <summary>The stack slot popped; empty when the address is not a kmap_local slot (nothing done).</summary>
        public int? Slot { get; }

        /// <summary>The address of the slot whose PTE was cleared: the top of the stack, whichever address was given.</summary>
        public Address? ClearedAddress { get; }

        /// <summary>The pfn the cleared PTE mapped.</summary>
        public Address? Pfn { get; }

        /// <summary>The page flush_tlb_one_kernel() dropped from this CPU's TLB: the address given.</summary>
        public Address? FlushedAddress { get; }

        /// <summary>The task's kmap_ctrl.idx afterwards.</summary>
        public int KmapCtrlIdx { get; }

        /// <summary>What a WARN_ON_ONCE caught (an unmap out of order, an address no kmap_local gave), or empty.</summary>
        public string? Warning { get; }

        public int Cpu { get; }

        public string Task { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
