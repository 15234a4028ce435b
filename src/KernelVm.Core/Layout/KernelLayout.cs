using System.Collections.Generic;

namespace KernelVm.Layout
{
    /// <summary>
    /// The kernel's virtual address space, bottom to top, with the symbols that bound each region
    /// (include/asm-x86/pgtable_32.h, highmem.h and fixmap_32.h in 2.6.24).
    /// </summary>
    public sealed class KernelLayout
    {
        private readonly List<MemoryRegion> _regions = new();

        internal KernelLayout(IEnumerable<MemoryRegion> regions)
        {
            _regions.AddRange(regions);
        }

        public ulong PageOffset { get; internal init; }

        public ulong HighMemory { get; internal init; }

        public ulong VmallocStart { get; internal init; }

        public ulong VmallocEnd { get; internal init; }

        /// <summary>PKMAP_BASE, or null without CONFIG_HIGHMEM.</summary>
        public ulong? PkmapBase { get; internal init; }

        /// <summary>LAST_PKMAP: pkmap slots (1024, or 512 with PAE); 0 without CONFIG_HIGHMEM.</summary>
        public int LastPkmap { get; internal init; }

        public ulong FixaddrTop { get; internal init; }

        public ulong FixaddrStart { get; internal init; }

        /// <summary>FIXADDR_BOOT_START (2.6.24): FIXADDR_TOP - __end_of_fixed_addresses pages.</summary>
        public ulong FixaddrBootStart { get; internal init; }

        /// <summary>CPU_ENTRY_AREA_BASE (6.x i386), or null.</summary>
        public ulong? CpuEntryAreaBase { get; internal init; }

        /// <summary>LDT_BASE_ADDR (6.x i386), or null.</summary>
        public ulong? LdtBase { get; internal init; }

        /// <summary>Every region in address order. Regions never overlap except as <see cref="Overlaps"/> says.</summary>
        public IReadOnlyList<MemoryRegion> Regions => _regions;

        /// <summary>
        /// Without CONFIG_HIGHMEM, VMALLOC_END is computed from the permanent FIXADDR_START, so the
        /// boot-time fixmap slots lie inside the vmalloc range (harmless: they are used only before vmalloc works).
        /// </summary>
        public bool Overlaps { get; internal init; }

        /// <summary>The region an address is in; where regions overlap, the more specific (later) one.</summary>
        public MemoryRegion RegionOf(ulong address)
        {
            MemoryRegion? found = null;
            foreach (var region in _regions)
            {
                if (region.Contains(address))
                {
                    found = region;
                }
            }

            return found!;
        }
    }
}
