using KernelVm.Highmem;

namespace KernelVm.PowerShell
{
    /// <summary>What kmap() did for one page: the mapping, the slot and its count, and how it got there.</summary>
    public sealed class KmapResult
    {
        internal KmapResult(Machine machine, KmapOutcome outcome)
        {
            Machine = machine.Name;
            Task = outcome.Task;
            Pfn = outcome.Pfn;
            Status = outcome.Status;
            VirtualAddress = outcome.VirtualAddress == 0 ? null : new Address(outcome.VirtualAddress);
            Slot = outcome.Slot < 0 ? null : outcome.Slot;
            PkmapCount = outcome.Count < 0 ? null : outcome.Count;
            Wrapped = outcome.Wrapped;
            Flushed = outcome.Flushed;
        }

        public Address Pfn { get; }

        /// <summary>Lowmem, Reused, NewSlot, FoundMapped, Blocked or Failed.</summary>
        public KmapStatus Status { get; }

        /// <summary>The kernel virtual address of the page; empty while Blocked or after Failed.</summary>
        public Address? VirtualAddress { get; }

        /// <summary>The pkmap slot (PKMAP_NR); empty for lowmem pages.</summary>
        public int? Slot { get; }

        /// <summary>pkmap_count[slot] after the call: users + 1.</summary>
        public int? PkmapCount { get; }

        /// <summary>Whether the slot search wrapped (last_pkmap_nr went back to 0).</summary>
        public bool Wrapped { get; }

        /// <summary>Whether flush_all_zero_pkmaps() ran.</summary>
        public bool Flushed { get; }

        public string Task { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }

        /// <summary>How a task's LastKmap and a kunmap's Woken print (Format-List, Export-Csv).</summary>
        public override string ToString() => Formatting.DisplayFormat.Kmap(this);
    }
}
