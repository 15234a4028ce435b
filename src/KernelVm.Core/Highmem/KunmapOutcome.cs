using System.Collections.Generic;

namespace KernelVm.Highmem
{
    /// <summary>The result of kunmap(): the slot's count afterwards and the kmaps of the tasks it woke.</summary>
    public readonly struct KunmapOutcome
    {
        internal KunmapOutcome(ulong pfn, ulong virtualAddress, int slot, int count, IReadOnlyList<KmapOutcome> woken)
        {
            Pfn = pfn;
            VirtualAddress = virtualAddress;
            Slot = slot;
            Count = count;
            Woken = woken;
        }

        public ulong Pfn { get; }

        public ulong VirtualAddress { get; }

        /// <summary>The pkmap slot, or -1 for a lowmem page (kunmap() does nothing for it).</summary>
        public int Slot { get; }

        /// <summary>pkmap_count[slot] after the call, or -1.</summary>
        public int Count { get; }

        public IReadOnlyList<KmapOutcome> Woken { get; }
    }
}
