using KernelVm.Fixmap;
using KernelVm.Paging;
using KernelVm.Physical;
using KernelVm.Trace;

namespace KernelVm
{
    /// <summary>Fixmaps: fix_to_virt(), virt_to_fix(), set_fixmap(), set_fixmap_nocache(), clear_fixmap().</summary>
    public sealed partial class Machine
    {
        /// <summary>What bootmem calls a page x86-64's set_fixmap() took for a missing table.</summary>
        private const string SppGetpageReason = "fixmap page table (spp_getpage)";

        /// <summary>How many times __set_fixmap() ran (the kernel's static counter "fixmaps").</summary>
        public int FixmapsSet { get; private set; }

        /// <summary>
        /// fix_to_virt(): FIXADDR_TOP - (idx &lt;&lt; PAGE_SHIFT). An index at or past __end_of_fixed_addresses
        /// does not build: a link error in 2.4.22 and 2.6.24 (__this_fixmap_does_not_exist), BUILD_BUG_ON in 6.x.
        /// </summary>
        public ulong FixToVirt(int index)
        {
            if (index < 0 || index >= Fixmaps.EndOfFixed)
            {
                throw Errors.FixmapIndexBeyond(index, Fixmaps.EndOfFixed, Kernel.FixToVirtFailure);
            }

            return Layout.FixaddrTop - ((ulong)index << PageShift);
        }

        /// <summary>virt_to_fix(): BUG() at or above FIXADDR_TOP and below FIXADDR_START, else __virt_to_fix().</summary>
        public int VirtToFix(ulong vaddr)
        {
            if (vaddr >= Layout.FixaddrTop || vaddr < Layout.FixaddrStart)
            {
                throw Errors.VirtToFixBug(vaddr, Layout.FixaddrStart, Layout.FixaddrTop);
            }

            return (int)((Layout.FixaddrTop - (vaddr & ~(PageSize - 1))) >> PageShift);
        }

        /// <summary>The fixmap index of a name (FIX_APIC_BASE, FIX_KMAP_BEGIN+3), or -1.</summary>
        public int FixmapIndex(string name) => Fixmaps.IndexOf(name.Trim());

        /// <summary>A fixmap index as it is now.</summary>
        public FixmapSlot Fixmap(int index)
        {
            lock (_kmapLock)
            {
                var vaddr = FixToVirt(index);
                var name = Fixmaps.RangeOf(index)?.NameOf(index) ?? "(alignment padding)";
                var pte = PageTables.ReadPte(vaddr);
                return new FixmapSlot(index, name, vaddr, index >= Fixmaps.EndOfPermanent, pte);
            }
        }

        /// <summary>
        /// __set_fixmap() with PAGE_KERNEL (set_fixmap) or PAGE_KERNEL_NOCACHE (set_fixmap_nocache): the low 12 bits
        /// of the physical address are dropped, the PTE written, and the address flushed from the calling CPU's TLB.
        /// </summary>
        public FixmapSlot SetFixmap(int index, ulong physical, bool noCache, int cpu = 0)
        {
            lock (_kmapLock)
            {
                var bits = IsPae ? 36 : Is64Bit ? 46 : 32;
                if (physical >> bits != 0)
                {
                    throw Errors.PhysicalTooWide(physical, Architecture, bits);
                }

                var prot = noCache ? Prot.PageKernelNoCache : Prot.PageKernel;
                WriteFixmap(index, ((physical >> PageShift) << PageShift) | prot, cpu, noCache ? "set_fixmap_nocache" : "set_fixmap");
                return Fixmap(index);
            }
        }

        /// <summary>clear_fixmap(): __set_fixmap(idx, 0, __pgprot(0)), which clears the PTE.</summary>
        public FixmapSlot ClearFixmap(int index, int cpu = 0)
        {
            lock (_kmapLock)
            {
                WriteFixmap(index, 0, cpu, "clear_fixmap");
                return Fixmap(index);
            }
        }

        /// <summary>
        /// __set_fixmap(): set_pte_pfn() on i386, whose fixmap tables pagetable_init() built; on x86-64
        /// set_pte_phys() (2.6.24) or set_pte_vaddr() (6.x), which fill a missing PMD or PTE page from
        /// spp_getpage() first. Then the PTE, and the flush of this address on the calling CPU.
        /// </summary>
        private void WriteFixmap(int index, ulong pte, int cpu, string what)
        {
            if (index < 0 || index >= Fixmaps.EndOfFixed)
            {
                throw Errors.SetFixmapBeyond(index, Fixmaps.EndOfFixed, Is64Bit ? Kernel.SetFixmapBeyondEnd64 ?? Kernel.SetFixmapBeyondEnd : Kernel.SetFixmapBeyondEnd);
            }

            var vaddr = FixToVirt(index);
            CheckCpu(cpu);
            var notes = "";
            var (table, entry) = PageTables.PteSlot(vaddr, Is64Bit ? SppGetpage : null, PteValues.PageTable);
            if (Is64Bit && Kernel.X86_64Paging!.ReportsReplacedPte && table[entry] != 0 && table[entry] != pte)
            {
                notes += ", pte_ERROR: bad pte " + Errors.Hex(table[entry]);
            }

            table[entry] = pte;
            Tlb.FlushOne(cpu, vaddr);
            FixmapsSet++;
            var pfn = pte == 0 ? -1 : (long)((pte & PteValues.FrameMask) >> PageShift);
            Events.Add(pte == 0 ? EventKind.ClearFixmap : EventKind.SetFixmap, cpu: cpu, slot: index, pfn: pfn, address: vaddr,
                detail: what + " " + (Fixmaps.RangeOf(index)?.NameOf(index) ?? "(alignment padding)") + notes);
            Events.Add(EventKind.TlbFlushOne, cpu: cpu, slot: index, address: vaddr, detail: Kernel.FlushTlbOne);

            // spp_getpage(): a zeroed page for a missing table. The model takes it as alloc_bootmem_pages() does
            // (goal __pa(MAX_DMA_ADDRESS) = 16 MiB; memblock top-down in 6.x): 2.6.24's __set_fixmap() is __init.
            ulong SppGetpage()
            {
                var page = BootMem.Alloc(PageSize, PageSize, PhysicalMemory.MaxDmaPfn << PageShift, SppGetpageReason);
                notes += ", spp_getpage() page table at " + Errors.Hex(page);
                return page;
            }
        }
    }
}
