using System.Collections.Generic;
using KernelVm.Layout;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm.BootLogs
{
    /// <summary>What a real boot log states about its machine and kernel (<see cref="BootLogParser"/>).</summary>
    public sealed record BootLogFacts
    {
        /// <summary>The log's lines, markers of left-out lines included.</summary>
        public IReadOnlyList<DmesgLine> Lines { get; init; } = new DmesgLine[0];

        /// <summary>The kernel release of the "Linux version" line: 2.6.24-19-generic.</summary>
        public string Release { get; init; } = "";

        /// <summary>The kernel the model simulates for it: 2.4.x as 2.4.22, 2.6.x as 2.6.24, 5.x and 6.x as 6.x.</summary>
        public KernelProfile Kernel { get; init; } = KernelProfile.Default;

        public Architecture Architecture { get; init; }

        /// <summary>The rule that decided <see cref="Architecture"/> (and PAE), with the line that showed it.</summary>
        public string ArchitectureReason { get; init; } = "";

        /// <summary>The "SMP" of the version line: a CONFIG_SMP kernel.</summary>
        public bool Smp { get; init; }

        /// <summary>The BIOS memory map, empty when the log has no BIOS-e820 lines.</summary>
        public IReadOnlyList<E820Entry> E820 { get; init; } = new E820Entry[0];

        /// <summary>The kernel command line ("Kernel command line:" or x86-64's "Command line:"), or null.</summary>
        public string? CommandLine { get; init; }

        /// <summary>PAGE_OFFSET: where the "lowmem" layout line starts, or null.</summary>
        public ulong? PageOffset { get; init; }

        /// <summary>The end of lowmem (high_memory) from the layout line or 6.x's "low ram:" line, or null.</summary>
        public ulong? HighMemory { get; init; }

        /// <summary>The end of the directly mapped RAM from 6.x i386's "low ram: 0 - 36ffe000" (max_low_pfn in bytes), or null.</summary>
        public ulong? LowRamEnd { get; init; }

        /// <summary>_text, the start of the ".text" layout line, or null.</summary>
        public ulong? Text { get; init; }

        /// <summary>The image's sections from the .text/.data/.init layout lines, as offsets from _text, or null.</summary>
        public KernelSections? Sections { get; init; }

        /// <summary>The kernel code, data and init sizes in KiB from 2.x mem_init()'s "Memory:" line; null without one.</summary>
        public (ulong Code, ulong Data, ulong Init)? MemoryLineSizes { get; init; }

        /// <summary>FIXADDR_START and FIXADDR_TOP from the "fixmap" layout line, or null.</summary>
        public (ulong Start, ulong Top)? Fixmap { get; init; }

        /// <summary>The pkmap area's size in bytes from its layout line (LAST_PKMAP pages), or null.</summary>
        public ulong? PkmapSize { get; init; }

        /// <summary>The fixmap address of the local APIC ("mapped APIC to ffffb000"), or null.</summary>
        public ulong? ApicAddress { get; init; }

        /// <summary>The fixmap address of the first IO-APIC ("mapped IOAPIC to ffffa000"), or null.</summary>
        public ulong? IoApicAddress { get; init; }

        /// <summary>NR_CPUS from "setup_percpu: NR_CPUS:N", or null.</summary>
        public int? NrCpus { get; init; }

        /// <summary>How many CPUs the log shows at least (SLUB's CPUs=, smpboot, nr_cpu_ids), or null.</summary>
        public int? CpusSeen { get; init; }

        /// <summary>"N MB HIGHMEM available." and "N MB LOWMEM available.", or null.</summary>
        public ulong? HighMemMb { get; init; }

        public ulong? LowMemMb { get; init; }

        /// <summary>Whether the log warns that RAM above MAXMEM is not used ("Warning only ...MB will be used."): a !HIGHMEM kernel.</summary>
        public bool NoHighmemWarning { get; init; }

        /// <summary>"Booting paravirtualized kernel on ...": CONFIG_PARAVIRT.</summary>
        public bool Paravirt { get; init; }

        /// <summary>"Found and enabled local APIC!" or an "ACPI:" line: options the log shows are on.</summary>
        public bool LocalApicSeen { get; init; }

        public bool AcpiSeen { get; init; }
    }
}
