using System.Collections.Generic;
using System.Linq;
using KernelVm.Fixmap;
using KernelVm.Profiles;

namespace KernelVm.Layout
{
    /// <summary>Computes the i386 kernel layout from the boot-time values, as the kernel's macros do.</summary>
    internal static class LayoutBuilder
    {
        private const ulong PageSize = Machine.PageSize;
        private const ulong Top32 = 1UL << 32;

        /// <summary>VMALLOC_OFFSET: the gap that catches overruns past the direct map.</summary>
        internal const ulong VmallocOffset = 8UL << 20;

        internal static KernelLayout Build32(ulong pageOffset, ulong highMemory, ulong fixaddrTop, FixmapEnum fixmaps,
            bool pae, bool highMem, uint? fixedPkmapBase, bool reservedTop)
        {
            var fixaddrStart = fixaddrTop - ((ulong)fixmaps.EndOfPermanent << Machine.PageShift);
            var fixaddrBootStart = fixaddrTop - ((ulong)fixmaps.EndOfFixed << Machine.PageShift);
            var lastPkmap = highMem ? (pae ? 512 : 1024) : 0;
            var pmdMask = ~((pae ? 1UL << 21 : 1UL << 22) - 1);

            // PKMAP_BASE: one page-table page of slots, below the boot-time fixmaps, PMD aligned.
            ulong? pkmapBase = !highMem ? null
                : fixedPkmapBase ?? ((fixaddrBootStart - PageSize * (ulong)(lastPkmap + 1)) & pmdMask);
            var vmallocEnd = (pkmapBase ?? fixaddrStart) - 2 * PageSize;
            var vmallocStart = (highMemory + 2 * VmallocOffset - 1) & ~(VmallocOffset - 1);

            var regions = new List<MemoryRegion>
            {
                new(RegionKind.User, "user", 0, pageOffset, "0 .. TASK_SIZE (= PAGE_OFFSET)"),
                new(RegionKind.DirectMap, "direct map", pageOffset, highMemory, "PAGE_OFFSET .. high_memory: lowmem, __va(0 .. max_low_pfn)"),
                new(RegionKind.VmallocGap, "vmalloc gap", highMemory, vmallocStart, "high_memory .. VMALLOC_START (VMALLOC_OFFSET rounding)"),
                new(RegionKind.Vmalloc, "vmalloc", vmallocStart, vmallocEnd, "VMALLOC_START .. VMALLOC_END"),
            };

            var bootSlotsStart = fixaddrBootStart + PageSize;
            var permanentStart = fixaddrStart + PageSize;
            if (pkmapBase is { } pkmap)
            {
                var pkmapEnd = pkmap + (ulong)lastPkmap * PageSize;
                regions.Add(new(RegionKind.GuardPages, "guard pages", vmallocEnd, pkmap, "VMALLOC_END .. PKMAP_BASE"));
                regions.Add(new(RegionKind.Pkmap, "pkmap", pkmap, pkmapEnd, "PKMAP_BASE .. PKMAP_ADDR(LAST_PKMAP): " + lastPkmap + " persistent kmap slots"));
                regions.Add(new(RegionKind.Unused, "unused", pkmapEnd, bootSlotsStart, "PMD rounding of PKMAP_BASE below the fixmaps"));
            }
            else
            {
                regions.Add(new(RegionKind.GuardPages, "guard pages", vmallocEnd, fixaddrStart, "VMALLOC_END .. FIXADDR_START"));
            }

            regions.Add(new(RegionKind.FixmapBootTime, "fixmap (boot-time)", bootSlotsStart, permanentStart,
                "fix_to_virt(__end_of_fixed_addresses - 1) .. fix_to_virt(__end_of_permanent_fixed_addresses)"));

            // 2.6.24 makes index 0 FIX_HOLE, never mapped; 2.4.22 instead leaves the page above FIXADDR_TOP out.
            var hasHole = fixmaps.Ranges.Count > 0 && fixmaps.Ranges[0].FirstName == "FIX_HOLE";
            var pastIndexZero = fixaddrTop + PageSize;
            regions.Add(new(RegionKind.FixmapPermanent, "fixmap", permanentStart, hasHole ? fixaddrTop : pastIndexZero,
                "FIXADDR_START + PAGE_SIZE .. FIXADDR_TOP"));
            if (hasHole)
            {
                regions.Add(new(RegionKind.FixmapHole, "FIX_HOLE", fixaddrTop, pastIndexZero, "fix_to_virt(FIX_HOLE) = FIXADDR_TOP, never mapped"));
            }

            if (pastIndexZero < Top32)
            {
                regions.Add(reservedTop
                    ? new(RegionKind.Unused, "reserved top", pastIndexZero, Top32, "reserved by reservetop= (for a hypervisor)")
                    : new(RegionKind.FixmapHole, "above FIXADDR_TOP", pastIndexZero, Top32, "FIXADDR_TOP + PAGE_SIZE .. 4 GiB, left unused"));
            }

            return new KernelLayout(regions.Where(r => r.Last >= r.Start).OrderBy(r => r.Start))
            {
                PageOffset = pageOffset,
                HighMemory = highMemory,
                VmallocStart = vmallocStart,
                VmallocEnd = vmallocEnd,
                PkmapBase = pkmapBase,
                LastPkmap = lastPkmap,
                FixaddrTop = fixaddrTop,
                FixaddrStart = fixaddrStart,
                FixaddrBootStart = fixaddrBootStart,
                Overlaps = !highMem,
            };
        }
    
        /// <summary>
        /// The x86-64 layout of 2.6.24 (include/asm-x86/page_64.h, pgtable_64.h, fixmap_64.h;
        /// Documentation/x86_64/mm.txt). End 0 stands for 2^64.
        /// </summary>
        internal static KernelLayout Build64(ulong pageOffset, ulong highMemory, ulong vmemmapBase, ulong fixaddrTop, FixmapEnum fixmaps)
        {
            const ulong UserEnd = 0x0000800000000000;
            const ulong CanonicalHigh = 0xFFFF800000000000;
            const ulong DirectMapEnd = 0xFFFFC10000000000;       // PAGE_OFFSET + 2^46 (MAXMEM)
            const ulong VmallocStart = 0xFFFFC20000000000;
            const ulong VmallocEnd = 0xFFFFE20000000000;         // VMALLOC_END 0xFFFFE1FFFFFFFFFF, inclusive
            const ulong VmemmapSize = 1UL << 40;
            const ulong KernelText = Machine.StartKernelMap;
            const ulong KernelTextSize = 40UL << 20;             // KERNEL_TEXT_SIZE
            const ulong ModulesStart = 0xFFFFFFFF88000000;
            const ulong VsyscallStart = 0xFFFFFFFFFF600000;      // -10 MiB
            var fixaddrStart = fixaddrTop - ((ulong)fixmaps.EndOfFixed << Machine.PageShift);
            var vsyscallEnd = fixaddrTop + PageSize;

            var regions = new[]
            {
                new MemoryRegion(RegionKind.User, "user", 0, UserEnd, "0 .. 2^47: user space"),
                new MemoryRegion(RegionKind.Unused, "non-canonical", UserEnd, CanonicalHigh, "sign-extension hole of bits 48-63"),
                new MemoryRegion(RegionKind.Unused, "guard hole", CanonicalHigh, pageOffset, "reserved for a hypervisor"),
                new MemoryRegion(RegionKind.DirectMap, "direct map", pageOffset, highMemory, "PAGE_OFFSET .. __va(max_pfn << PAGE_SHIFT): all RAM"),
                new MemoryRegion(RegionKind.Unused, "direct map (unused)", highMemory, DirectMapEnd, "rest of the 2^46-byte direct-map window (MAXMEM)"),
                new MemoryRegion(RegionKind.Unused, "hole", DirectMapEnd, VmallocStart, "unused"),
                new MemoryRegion(RegionKind.Vmalloc, "vmalloc", VmallocStart, VmallocEnd, "VMALLOC_START .. VMALLOC_END: vmalloc and ioremap"),
                new MemoryRegion(RegionKind.VirtualMemMap, "vmemmap", vmemmapBase, vmemmapBase + VmemmapSize, "VMEMMAP_START: the virtual memory map of struct pages"),
                new MemoryRegion(RegionKind.Unused, "hole", vmemmapBase + VmemmapSize, KernelText, "unused"),
                new MemoryRegion(RegionKind.KernelText, "kernel text", KernelText, KernelText + KernelTextSize, "__START_KERNEL_map .. + KERNEL_TEXT_SIZE: the kernel image, mapped from physical 0"),
                new MemoryRegion(RegionKind.Unused, "hole", KernelText + KernelTextSize, ModulesStart, "unused"),
                new MemoryRegion(RegionKind.Modules, "modules", ModulesStart, fixaddrStart + PageSize, "MODULES_VADDR .. the fixmaps (MODULES_END 0xFFFFFFFFFFF00000 is nominal: fixmaps and vsyscalls sit inside it)"),
                new MemoryRegion(RegionKind.FixmapPermanent, "fixmap", fixaddrStart + PageSize, VsyscallStart, "FIXADDR_START + PAGE_SIZE .. VSYSCALL_START"),
                new MemoryRegion(RegionKind.FixmapPermanent, "vsyscall", VsyscallStart, vsyscallEnd, "VSYSCALL_START .. VSYSCALL_END: fixmap VSYSCALL_FIRST_PAGE .. VSYSCALL_LAST_PAGE"),
                new MemoryRegion(RegionKind.Unused, "top", vsyscallEnd, 0, "VSYSCALL_END .. 2^64: unused"),
            };

            return new KernelLayout(regions.Where(r => r.Last >= r.Start))
            {
                PageOffset = pageOffset,
                HighMemory = highMemory,
                VmallocStart = VmallocStart,
                VmallocEnd = VmallocEnd,
                FixaddrTop = fixaddrTop,
                FixaddrStart = fixaddrStart,
                FixaddrBootStart = fixaddrStart,
            };
        }
    }
}
