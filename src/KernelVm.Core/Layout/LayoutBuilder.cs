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

        /// <summary>
        /// The top of the i386 layout, which does not depend on RAM: fixmaps, then (6.x) the CPU entry area
        /// and the LDT remap, then the pkmap area and VMALLOC_END, each step PMD aligned.
        /// </summary>
        internal static LayoutConstants Constants32(KernelProfile kernel, ulong fixaddrTop, FixmapEnum fixmaps, bool pae, bool highMem, int nrCpus)
        {
            var c = new LayoutConstants
            {
                FixaddrTop = fixaddrTop,
                FixaddrStart = fixaddrTop - ((ulong)fixmaps.EndOfPermanent << Machine.PageShift),
                FixaddrBootStart = fixaddrTop - ((ulong)fixmaps.EndOfFixed << Machine.PageShift),
                LastPkmap = highMem ? (pae ? 512 : 1024) : 0,
                PmdMask = ~((pae ? 1UL << 21 : 1UL << 22) - 1),
            };

            // 6.x: CPU_ENTRY_AREA_BASE and LDT_BASE_ADDR sit between the fixmaps and the pkmap area.
            var below = c.FixaddrBootStart;
            if (kernel.Pkmap == PkmapPlacement.BelowLdt)
            {
                c.CeaPages = kernel.CeaPagesPerCpu * nrCpus;
                c.CeaBase = (c.FixaddrBootStart - PageSize * (ulong)(c.CeaPages + 1)) & c.PmdMask;
                c.LdtBase = (c.CeaBase.Value - PageSize) & c.PmdMask;
                below = c.LdtBase.Value;
            }

            if (highMem)
            {
                c.PkmapBase = kernel.Pkmap switch
                {
                    PkmapPlacement.Fixed => kernel.FixedPkmapBase!.Value,
                    PkmapPlacement.BelowLdt => (below - PageSize) & c.PmdMask,
                    _ => (below - PageSize * (ulong)(c.LastPkmap + 1)) & c.PmdMask,
                };
            }

            c.VmallocEnd = (c.PkmapBase ?? c.LdtBase ?? c.FixaddrStart) - 2 * PageSize;
            return c;
        }

        internal static KernelLayout Build32(LayoutConstants c, ulong pageOffset, ulong highMemory, FixmapEnum fixmaps, bool vmallocStartRounded, bool reservedTop)
        {
            var vmallocStart = vmallocStartRounded
                ? (highMemory + 2 * VmallocOffset - 1) & ~(VmallocOffset - 1)
                : highMemory + VmallocOffset;

            var regions = new List<MemoryRegion>
            {
                new(RegionKind.User, "user", 0, pageOffset, "0 .. TASK_SIZE (= PAGE_OFFSET)"),
                new(RegionKind.DirectMap, "direct map", pageOffset, highMemory, "PAGE_OFFSET .. high_memory: lowmem, __va(0 .. max_low_pfn)"),
                new(RegionKind.VmallocGap, "vmalloc gap", highMemory, vmallocStart, "high_memory .. VMALLOC_START (VMALLOC_OFFSET)"),
                new(RegionKind.Vmalloc, "vmalloc", vmallocStart, c.VmallocEnd, "VMALLOC_START .. VMALLOC_END"),
            };

            var bootSlotsStart = c.FixaddrBootStart + PageSize;
            var permanentStart = c.FixaddrStart + PageSize;
            var above = c.PkmapBase ?? c.LdtBase ?? c.FixaddrStart;
            regions.Add(new(RegionKind.GuardPages, "guard pages", c.VmallocEnd, above, "VMALLOC_END .. " + (c.PkmapBase is not null ? "PKMAP_BASE" : c.LdtBase is not null ? "LDT_BASE_ADDR" : "FIXADDR_START")));
            var next = above;
            if (c.PkmapBase is { } pkmap)
            {
                next = pkmap + (ulong)c.LastPkmap * PageSize;
                regions.Add(new(RegionKind.Pkmap, "pkmap", pkmap, next, "PKMAP_BASE .. PKMAP_ADDR(LAST_PKMAP): " + c.LastPkmap + " persistent kmap slots"));
            }

            if (c.LdtBase is { } ldt)
            {
                regions.Add(new(RegionKind.Unused, "unused", next, ldt, "PMD rounding below LDT_BASE_ADDR"));
                regions.Add(new(RegionKind.Ldt, "LDT remap", ldt, ldt + ~c.PmdMask + 1, "LDT_BASE_ADDR .. LDT_END_ADDR (one PMD)"));
                var ceaEnd = c.CeaBase!.Value + PageSize * (ulong)(c.CeaPages + 1);
                regions.Add(new(RegionKind.Unused, "unused", ldt + ~c.PmdMask + 1, c.CeaBase.Value, "PMD rounding below CPU_ENTRY_AREA_BASE"));
                regions.Add(new(RegionKind.CpuEntryArea, "cpu entry area", c.CeaBase.Value, ceaEnd, "CPU_ENTRY_AREA_BASE: the read-only IDT page and " + c.CeaPages + " pages of struct cpu_entry_area"));
                next = ceaEnd;
            }

            if (c.PkmapBase is not null || c.LdtBase is not null)
            {
                regions.Add(new(RegionKind.Unused, "unused", next, bootSlotsStart, "PMD rounding below the fixmaps"));
            }

            regions.Add(new(RegionKind.FixmapBootTime, "fixmap (boot-time)", bootSlotsStart, permanentStart,
                "fix_to_virt(__end_of_fixed_addresses - 1) .. fix_to_virt(__end_of_permanent_fixed_addresses)"));

            // 2.6.24 and 6.x make index 0 FIX_HOLE, never mapped; 2.4.22 instead leaves the page above FIXADDR_TOP out.
            var hasHole = fixmaps.Ranges.Count > 0 && fixmaps.Ranges[0].FirstName == "FIX_HOLE";
            var pastIndexZero = c.FixaddrTop + PageSize;
            regions.Add(new(RegionKind.FixmapPermanent, "fixmap", permanentStart, hasHole ? c.FixaddrTop : pastIndexZero,
                "FIXADDR_START + PAGE_SIZE .. FIXADDR_TOP"));
            if (hasHole)
            {
                regions.Add(new(RegionKind.FixmapHole, "FIX_HOLE", c.FixaddrTop, pastIndexZero, "fix_to_virt(FIX_HOLE) = FIXADDR_TOP, never mapped"));
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
                VmallocEnd = c.VmallocEnd,
                PkmapBase = c.PkmapBase,
                LastPkmap = c.LastPkmap,
                FixaddrTop = c.FixaddrTop,
                FixaddrStart = c.FixaddrStart,
                FixaddrBootStart = c.FixaddrBootStart,
                CpuEntryAreaBase = c.CeaBase,
                LdtBase = c.LdtBase,
                Overlaps = c.PkmapBase is null && c.LdtBase is null,
            };
        }

        /// <summary>
        /// The x86-64 layout of 2.6.24 (include/asm-x86/page_64.h, pgtable_64.h, fixmap_64.h;
        /// Documentation/x86_64/mm.txt). End 0 stands for 2^64.
        /// </summary>
        internal static KernelLayout Build64(ulong pageOffset, ulong highMemory, ulong vmemmapBase, ulong fixaddrTop, FixmapEnum fixmaps, Layout64 l)
        {
            const ulong UserEnd = 0x0000800000000000;
            const ulong CanonicalHigh = 0xFFFF800000000000;
            const ulong KernelText = Machine.StartKernelMap;
            var directMapEnd = pageOffset + (1UL << 46);         // the 2^46-byte direct-map window (MAXMEM)
            var (vmallocStart, vmallocEnd, vmemmapSize, kernelTextSize, modulesStart, vsyscall) =
                (l.VmallocStart, l.VmallocEnd, l.VmemmapSize, l.KernelTextSize, l.ModulesStart, l.Vsyscall);
            var fixaddrStart = fixaddrTop - ((ulong)fixmaps.EndOfPermanent << Machine.PageShift);
            var fixaddrBootStart = fixaddrTop - ((ulong)fixmaps.EndOfFixed << Machine.PageShift);
            var vsyscallEnd = vsyscall + (8UL << 20);            // VSYSCALL_END (2.6.24) / the vsyscall PMD (6.x)
            var fixmapEnd = fixaddrTop + PageSize;

            var regions = new List<MemoryRegion>
            {
                new MemoryRegion(RegionKind.User, "user", 0, UserEnd, "0 .. 2^47: user space"),
                new MemoryRegion(RegionKind.Unused, "non-canonical", UserEnd, CanonicalHigh, "sign-extension hole of bits 48-63"),
                new MemoryRegion(RegionKind.DirectMap, "direct map", pageOffset, highMemory, "PAGE_OFFSET .. __va(max_pfn << PAGE_SHIFT): all RAM"),
                new MemoryRegion(RegionKind.Unused, "direct map (unused)", highMemory, directMapEnd, "rest of the 2^46-byte direct-map window (MAXMEM)"),
                new MemoryRegion(RegionKind.Vmalloc, "vmalloc", vmallocStart, vmallocEnd, "VMALLOC_START .. VMALLOC_END: vmalloc and ioremap"),
                new MemoryRegion(RegionKind.VirtualMemMap, "vmemmap", vmemmapBase, vmemmapBase + vmemmapSize, "VMEMMAP_START: the virtual memory map of struct pages"),
                new MemoryRegion(RegionKind.KernelText, "kernel text", KernelText, KernelText + kernelTextSize, "__START_KERNEL_map: the kernel image, mapped from physical 0"),
                l.ModulesEnd is { } modulesEnd
                    ? new MemoryRegion(RegionKind.Modules, "modules", modulesStart, modulesEnd, "MODULES_VADDR .. MODULES_END")
                    : new MemoryRegion(RegionKind.Modules, "modules", modulesStart, fixaddrBootStart + PageSize, "MODULES_VADDR .. the fixmaps"),
                new MemoryRegion(RegionKind.FixmapBootTime, "fixmap (boot-time)", fixaddrBootStart + PageSize, fixaddrStart + PageSize, "the boot-time (early ioremap) fixmap slots"),
                new MemoryRegion(RegionKind.FixmapPermanent, "fixmap", fixaddrStart + PageSize, vsyscall, "FIXADDR_START + PAGE_SIZE .. the vsyscall page(s)"),
                new MemoryRegion(RegionKind.FixmapPermanent, "vsyscall", vsyscall, fixmapEnd, "the vsyscall fixmap page(s), up to FIXADDR_TOP"),
            };
            foreach (var (kind, name, start, end, description) in l.Extra)
            {
                regions.Add(new MemoryRegion(kind, name, start, end, description));
            }

            // Whatever no region claims is a hole (non-canonical addresses included).
            regions.Sort((a, b) => a.Start.CompareTo(b.Start));
            var holes = new List<MemoryRegion>();
            ulong cursor = UserEnd;
            foreach (var region in regions)
            {
                if (region.Start > cursor)
                {
                    holes.Add(cursor == CanonicalHigh
                        ? new MemoryRegion(RegionKind.Unused, "guard hole", cursor, region.Start, "reserved for a hypervisor")
                        : new MemoryRegion(RegionKind.Unused, "hole", cursor, region.Start, "unused"));
                }

                cursor = System.Math.Max(cursor, region.Last + 1);
            }

            if (cursor != 0)
            {
                holes.Add(new MemoryRegion(RegionKind.Unused, "top", cursor, 0, "unused, up to 2^64"));
            }

            regions.AddRange(holes);
            return new KernelLayout(regions.Where(r => r.Last >= r.Start).OrderBy(r => r.Start))
            {
                PageOffset = pageOffset,
                HighMemory = highMemory,
                VmallocStart = vmallocStart,
                VmallocEnd = vmallocEnd,
                FixaddrTop = fixaddrTop,
                FixaddrStart = fixaddrStart,
                FixaddrBootStart = fixaddrBootStart,
            };
        }
    }
}
