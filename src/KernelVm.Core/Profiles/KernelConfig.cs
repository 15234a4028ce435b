using System;
using System.Collections.Generic;

namespace KernelVm.Profiles
{
    /// <summary>
    /// The kernel configuration options that shape the memory layout (they decide which fixmap
    /// slots exist, and so where the pkmap area and vmalloc end). Presets name the reference
    /// configurations of kernel-model.md §2.3.
    /// </summary>
    public sealed record KernelConfig
    {
        /// <summary>NR_CPUS; 1 means a uniprocessor (!CONFIG_SMP) kernel.</summary>
        public int NrCpus { get; init; } = 1;

        public bool X86LocalApic { get; init; }

        public bool X86IoApic { get; init; }

        public bool X86VisWsApic { get; init; }

        public bool X86F00fBug { get; init; }

        public bool X86CycloneTimer { get; init; }

        public bool Acpi { get; init; }

        public bool PciMmconfig { get; init; }

        public bool Paravirt { get; init; }

        /// <summary>CONFIG_DEBUG_HIGHMEM: fence slots between the km_type kmap_atomic slots.</summary>
        public bool DebugHighmem { get; init; }

        /// <summary>R1: UP with HIGHMEM and none of the optional fixmap users.</summary>
        public static KernelConfig R1 { get; } = new();

        /// <summary>R2: SMP with NR_CPUS 8, local APIC, IO-APIC, ACPI and PCI MMCONFIG.</summary>
        public static KernelConfig R2 { get; } = new()
        {
            NrCpus = 8,
            X86LocalApic = true,
            X86IoApic = true,
            Acpi = true,
            PciMmconfig = true,
        };

        /// <summary>The Kconfig names of the boolean options, as `make menuconfig` shows them (without CONFIG_).</summary>
        public static IReadOnlyList<string> OptionNames { get; } = new[]
        {
            "X86_LOCAL_APIC", "X86_IO_APIC", "X86_VISWS_APIC", "X86_F00F_BUG", "X86_CYCLONE_TIMER", "ACPI", "PCI_MMCONFIG", "PARAVIRT", "DEBUG_HIGHMEM",
        };

        /// <summary>This configuration with one Kconfig option turned on (CONFIG_ prefix optional).</summary>
        public KernelConfig With(string option)
        {
            var name = option.Trim().ToUpperInvariant();
            name = name.StartsWith("CONFIG_", StringComparison.Ordinal) ? name.Substring(7) : name;
            return name switch
            {
                "X86_LOCAL_APIC" => this with { X86LocalApic = true },
                "X86_IO_APIC" => this with { X86IoApic = true, X86LocalApic = true }, // X86_IO_APIC depends on X86_LOCAL_APIC
                "X86_VISWS_APIC" => this with { X86VisWsApic = true },
                "X86_F00F_BUG" => this with { X86F00fBug = true },
                "X86_CYCLONE_TIMER" => this with { X86CycloneTimer = true },
                "ACPI" => this with { Acpi = true },
                "PCI_MMCONFIG" => this with { PciMmconfig = true },
                "PARAVIRT" => this with { Paravirt = true },
                "DEBUG_HIGHMEM" => this with { DebugHighmem = true },
                _ => throw Errors.UnknownOption(option, string.Join(", ", OptionNames)),
            };
        }

        /// <summary>
        /// This configuration as the kernel's Kconfig completes it: an SMP kernel always has
        /// X86_LOCAL_APIC and X86_IO_APIC (options without a prompt that default to y on SMP: 2.6.24
        /// arch/x86/Kconfig, 2.4.22 arch/i386/config.in, 6.x def_bool), and a kernel without
        /// CONFIG_NR_CPUS has its fixed SMP NR_CPUS. <paramref name="note"/> says what was forced.
        /// </summary>
        public KernelConfig CompletedFor(KernelProfile kernel, out string? note)
        {
            note = null;
            if (NrCpus == 1)
            {
                return this;
            }

            // X86_IO_APIC also needs !X86_VISWS (2.6.24 "depends on SMP && !(X86_VISWS || X86_VOYAGER)").
            var completed = this with { X86LocalApic = true, X86IoApic = X86IoApic || !X86VisWsApic };
            if (kernel.SmpNrCpus is { } fixedCpus && NrCpus != fixedCpus)
            {
                note = "Kernel " + kernel.Version + " has no CONFIG_NR_CPUS: include/linux/threads.h sets NR_CPUS to "
                    + fixedCpus + " for every SMP kernel, so NR_CPUS is " + fixedCpus + ", not " + NrCpus + ".";
                completed = completed with { NrCpus = fixedCpus };
            }

            return completed;
        }

        /// <summary>The named presets, for -Config completion.</summary>
        public static IReadOnlyDictionary<string, KernelConfig> Presets { get; } =
            new Dictionary<string, KernelConfig>(StringComparer.OrdinalIgnoreCase) { ["R1"] = R1, ["R2"] = R2 };
    }
}
