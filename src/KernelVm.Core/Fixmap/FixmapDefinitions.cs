using System.Collections.Generic;
using System.Linq;
using static KernelVm.Fixmap.FixmapSlotDefinition;

namespace KernelVm.Fixmap
{
    /// <summary>The enum fixed_addresses of each kernel version, line by line, with each line's #ifdef.</summary>
    internal static class FixmapDefinitions
    {
        /// <summary>Temporary boot-time mappings for early ioremap (NR_FIX_BTMAPS).</summary>
        private const int NrFixBtmaps = 16;

        /// <summary>FIX_ACPI_PAGES (include/asm-x86/acpi_32.h).</summary>
        private const int FixAcpiPages = 4;

        /// <summary>include/asm-x86/fixmap_32.h, v2.6.24.</summary>
        internal static IReadOnlyList<FixmapSlotDefinition> X86V2_6_24 { get; } = new[]
        {
            Always("FIX_HOLE"),
            Always("FIX_VDSO"),
            Always("FIX_DBGP_BASE"),
            Always("FIX_EARLYCON_MEM_BASE"),
        }.Concat(ApicThroughKmap(_ => 64, "FIX_F00F_IDT")).Concat(new[]                                  // MAX_IO_APICS, apicdef_32.h
        {
            new FixmapSlotDefinition("FIX_ACPI_BEGIN", "FIX_ACPI_END", i => i.Config.Acpi ? FixAcpiPages : 0),
            When("FIX_PCIE_MCFG", c => c.PciMmconfig),
            When("FIX_PARAVIRT_BOOTMAP", c => c.Paravirt),
            new FixmapSlotDefinition("FIX_BTMAP_END", "FIX_BTMAP_BEGIN", _ => NrFixBtmaps, bootTime: true),
            Always("FIX_WP_TEST", bootTime: true),
        }).ToArray();

        /// <summary>include/asm-i386/fixmap.h, v2.4.22: no FIX_HOLE, FIX_VDSO or FIX_WP_TEST.</summary>
        // MAX_IO_APICS is 8, or 32 with CONFIG_X86_CLUSTERED_APIC, which X86_SUMMIT sets; FIX_CYCLONE_TIMER needs X86_SUMMIT.
        internal static IReadOnlyList<FixmapSlotDefinition> X86V2_4_22 { get; } = ApicThroughKmap(c => c.X86CycloneTimer ? 32 : 8, "FIX_F00F").Concat(new[]
        {
            new FixmapSlotDefinition("FIX_ACPI_BEGIN", "FIX_ACPI_END", i => i.Config.Acpi ? FixAcpiPages : 0),
            new FixmapSlotDefinition("FIX_BTMAP_END", "FIX_BTMAP_BEGIN", _ => NrFixBtmaps, bootTime: true),
        }).ToArray();

        /// <summary>include/asm-x86/fixmap_64.h, v2.6.24: the vsyscall pages, then hardware slots; no kmap slots.</summary>
        internal static IReadOnlyList<FixmapSlotDefinition> X86_64V2_6_24 { get; } = new[]
        {
            new FixmapSlotDefinition("VSYSCALL_LAST_PAGE", "VSYSCALL_FIRST_PAGE", _ => 2048), // (VSYSCALL_END - VSYSCALL_START) >> PAGE_SHIFT
            Always("VSYSCALL_HPET"),
            Always("FIX_DBGP_BASE"),
            Always("FIX_EARLYCON_MEM_BASE"),
            Always("FIX_HPET_BASE"),
            Always("FIX_APIC_BASE"),
            new FixmapSlotDefinition("FIX_IO_APIC_BASE_0", "FIX_IO_APIC_BASE_END", _ => 128), // MAX_IO_APICS on x86-64
        };

        /// <summary>TOTAL_FIX_BTMAPS of 6.x: NR_FIX_BTMAPS 64 x FIX_BTMAPS_SLOTS 8.</summary>
        private const int TotalFixBtmaps = 512;

        /// <summary>arch/x86/include/asm/fixmap.h, 6.x, x86-32 (FIX_OHCI1394_BASE, FIX_APEI_GHES_* and FIX_TBOOT_BASE left out: their options are off).</summary>
        internal static IReadOnlyList<FixmapSlotDefinition> X86V6 { get; } = new[]
        {
            Always("FIX_HOLE"),
            Always("FIX_DBGP_BASE"),
            Always("FIX_EARLYCON_MEM_BASE"),
            When("FIX_APIC_BASE", c => c.X86LocalApic),
            new FixmapSlotDefinition("FIX_IO_APIC_BASE_0", "FIX_IO_APIC_BASE_END", i => i.Config.X86IoApic ? 64 : 0),
            KmapSlots(),
            new FixmapSlotDefinition("FIX_PCIE_MCFG", null, i => i.HighMem && i.Config.PciMmconfig ? 1 : 0),   // nested in CONFIG_KMAP_LOCAL
            When("FIX_PARAVIRT_BOOTMAP", c => c.Paravirt),
            BtmapAlignment(),
            new FixmapSlotDefinition("FIX_BTMAP_END", "FIX_BTMAP_BEGIN", _ => TotalFixBtmaps, bootTime: true),
            Always("FIX_WP_TEST", bootTime: true),
        };

        /// <summary>arch/x86/include/asm/fixmap.h, 6.x, x86-64: VSYSCALL_PAGE is (FIXADDR_TOP - VSYSCALL_ADDR) >> PAGE_SHIFT = 511.</summary>
        internal static IReadOnlyList<FixmapSlotDefinition> X86_64V6 { get; } = new[]
        {
            PadTo((_, _) => 511),
            Always("VSYSCALL_PAGE"),
            Always("FIX_DBGP_BASE"),
            Always("FIX_EARLYCON_MEM_BASE"),
            Always("FIX_APIC_BASE"),                                                                           // X86_LOCAL_APIC is def_bool y on x86-64
            new FixmapSlotDefinition("FIX_IO_APIC_BASE_0", "FIX_IO_APIC_BASE_END", _ => 128),                  // MAX_IO_APICS on 64-bit
            When("FIX_PARAVIRT_BOOTMAP", c => c.Paravirt),
            BtmapAlignment(),
            new FixmapSlotDefinition("FIX_BTMAP_END", "FIX_BTMAP_BEGIN", _ => TotalFixBtmaps, bootTime: true),
        };

        /// <summary>
        /// FIX_BTMAP_END: the 512 boot-time slots may not cross a page-table page, so when they would,
        /// __end_of_permanent_fixed_addresses is rounded up to the next multiple of 512.
        /// </summary>
        private static FixmapSlotDefinition BtmapAlignment() => PadTo((i, end) =>
            ((end ^ (end + TotalFixBtmaps - 1)) & -i.PtrsPerPte) != 0 ? end + TotalFixBtmaps - (end & (TotalFixBtmaps - 1)) : end, bootTime: true);

        /// <summary>
        /// The lines 2.4.22 and 2.6.24 share, from the local APIC to the kmap_atomic slots, with their
        /// #ifdefs; the F00F bug's IDT slot is FIX_F00F in 2.4.22 and FIX_F00F_IDT in 2.6.24.
        /// </summary>
        private static IEnumerable<FixmapSlotDefinition> ApicThroughKmap(System.Func<Profiles.KernelConfig, int> maxIoApics, string f00fName) => new[]
        {
            When("FIX_APIC_BASE", c => c.X86LocalApic),
            new FixmapSlotDefinition("FIX_IO_APIC_BASE_0", "FIX_IO_APIC_BASE_END", i => i.Config.X86IoApic ? maxIoApics(i.Config) : 0),
            When("FIX_CO_CPU", c => c.X86VisWsApic),
            When("FIX_CO_APIC", c => c.X86VisWsApic),
            When("FIX_LI_PCIA", c => c.X86VisWsApic),
            When("FIX_LI_PCIB", c => c.X86VisWsApic),
            When(f00fName, c => c.X86F00fBug),
            When("FIX_CYCLONE_TIMER", c => c.X86CycloneTimer),
            KmapSlots(),
        };

        /// <summary>FIX_KMAP_BEGIN ... FIX_KMAP_END: KM_TYPE_NR slots per CPU, under CONFIG_HIGHMEM.</summary>
        private static FixmapSlotDefinition KmapSlots() =>
            new("FIX_KMAP_BEGIN", "FIX_KMAP_END", i => i.HighMem ? i.KmTypeNr * i.Config.NrCpus : 0);
    }
}
