namespace KernelVm.PowerShell
{
    /// <summary>What kunmap() did: the slot's count afterwards, and the kmaps of the tasks it woke.</summary>
    public sealed class KunmapResult
    {
        internal KunmapResult(Machine machine, string task, Highmem.KunmapOutcome outcome)
        {
            Machine = machine.Name;
            Task = task;
            Pfn = outcome.Pfn;
            VirtualAddress = outcome.VirtualAddress;
            Slot = outcome.Slot < 0 ? null : outcome.Slot;
            PkmapCount = outcome.Count < 0 ? null : outcome.Count;
            Woken = new RecordList<KmapResult>(System.Linq.Enumerable.Select(outcome.Woken, w => new KmapResult(machine, w)));
        }

        public Address Pfn { get; }

        public Address VirtualAddress { get; }

        /// <summary>The pkmap slot; empty for a lowmem page (kunmap() does nothing for it).</summary>
        public int? Slot { get; }

        /// <summary>pkmap_count[slot] after the call. 1 means no users, but the mapping stays until the next flush.</summary>
        public int? PkmapCount { get; }

        /// <summary>The tasks woken on pkmap_map_wait, with how their kmap() ended.</summary>
        public RecordList<KmapResult> Woken { get; }

        public string Task { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
