using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KernelVm.Fixmap;
using KernelVm.Profiles;

namespace KernelVm.BootLogs
{
    /// <summary>
    /// The kernel configuration a boot log implies through its fixmap: the configurations of the
    /// model's option space whose enum fixed_addresses gives the log's fixmap size and puts the local
    /// APIC and the first IO-APIC where the log mapped them, best first.
    /// </summary>
    /// <param name="Fits">Every fitting configuration, best first; empty when none fits.</param>
    /// <param name="Chosen">The first fit, or (when none fits) the configuration the log's other evidence suggests.</param>
    /// <param name="Constraints">What the log stated that the fits had to meet.</param>
    public sealed record ConfigInference(KernelConfig Chosen, IReadOnlyList<KernelConfig> Fits, IReadOnlyList<string> Constraints)
    {
        /// <summary>
        /// The options, most common in distribution kernels first (each weighs more than all before it
        /// together, so the best fit is the one whose rarest option is least rare): APIC support and
        /// ACPI are in every SMP distribution kernel, MMCONFIG and PARAVIRT in most of 2.6.2x, the F00F
        /// workaround only for 586-class builds, the Cyclone timer only with X86_SUMMIT/GENERICARCH,
        /// Visual Workstation support and DEBUG_HIGHMEM almost never.
        /// </summary>
        private static readonly (string Name, Func<KernelConfig, bool> IsOn)[] Options =
        {
            ("X86_LOCAL_APIC", c => c.X86LocalApic),
            ("X86_IO_APIC", c => c.X86IoApic),
            ("ACPI", c => c.Acpi),
            ("PCI_MMCONFIG", c => c.PciMmconfig),
            ("PARAVIRT", c => c.Paravirt),
            ("X86_F00F_BUG", c => c.X86F00fBug),
            ("X86_CYCLONE_TIMER", c => c.X86CycloneTimer),
            ("X86_VISWS_APIC", c => c.X86VisWsApic),
            ("DEBUG_HIGHMEM", c => c.DebugHighmem),
        };

        /// <summary>The largest NR_CPUS the model takes.</summary>
        internal const int MaxNrCpus = 255;

        public static ConfigInference Infer(BootLogFacts facts, Architecture architecture, bool highMem)
        {
            var kernel = facts.Kernel;
            var definitions = architecture == Architecture.X86_64 ? kernel.FixmapX86_64 : kernel.FixmapX86;
            var ptrsPerPte = architecture == Architecture.X86 ? 1024 : 512;
            FixmapEnum EnumOf(KernelConfig c) => new(definitions!, new FixmapInputs(c, highMem, kernel.KmTypeNr(c.DebugHighmem), ptrsPerPte));

            var evidence = Evidence(facts);
            var start = evidence.Aggregate(new KernelConfig { NrCpus = facts.Smp ? 2 : 1 }, (c, o) => c.With(o)).CompletedFor(kernel, out _);
            if (definitions is null)
            {
                return new ConfigInference(start, new KernelConfig[0], new string[0]);
            }

            // Only the options that change this kernel's fixmap can be inferred from it; the others stay as the evidence says.
            var baseEnum = EnumOf(start);
            var free = Options.Where(o => !evidence.Contains(o.Name) && Differs(baseEnum, EnumOf(start.With(o.Name)))).Select(o => o.Name).ToArray();
            var cpus = CpuChoices(facts, kernel, start, EnumOf);

            var constraints = new List<string>();
            var top = facts.Fixmap?.Top ?? (architecture == Architecture.X86_64 ? kernel.FixaddrTop64 : kernel.FixaddrTop);
            if (facts.Fixmap is { } f) constraints.Add(F("a {0} kB fixmap ({1} permanent slots)", (f.Top - f.Start) >> 10, (f.Top - f.Start) >> Machine.PageShift));
            if (facts.ApicAddress is { } apic) constraints.Add(F("FIX_APIC_BASE at {0:x8}", apic));
            if (facts.IoApicAddress is { } ioApic) constraints.Add(F("FIX_IO_APIC_BASE_0 at {0:x8}", ioApic));
            if (facts.NrCpus is { } n && n <= MaxNrCpus) constraints.Add(F("NR_CPUS {0}", n));
            foreach (var o in evidence) constraints.Add(o + " (the log shows it)");

            var fits = new HashSet<KernelConfig>();
            foreach (var nrCpus in cpus)
            {
                for (var mask = 0; mask < 1 << free.Length; mask++)
                {
                    var c = start with { NrCpus = nrCpus };
                    for (var i = 0; i < free.Length; i++)
                    {
                        c = (mask & (1 << i)) != 0 ? c.With(free[i]) : c;
                    }

                    // Kconfig: X86_IO_APIC depends on !X86_VISWS; an SMP kernel has both APICs.
                    if (c.X86IoApic && c.X86VisWsApic || !c.Equals(c.CompletedFor(kernel, out _)))
                    {
                        continue;
                    }

                    var fixmaps = EnumOf(c);
                    if ((facts.Fixmap is not { } fx || (fx.Top - fx.Start) >> Machine.PageShift == (ulong)fixmaps.EndOfPermanent)
                        && At(fixmaps, "FIX_APIC_BASE", top, facts.ApicAddress) && At(fixmaps, "FIX_IO_APIC_BASE_0", top, facts.IoApicAddress))
                    {
                        fits.Add(c);
                    }
                }
            }

            var ranked = fits.OrderBy(Cost).ThenBy(c => (c.NrCpus & (c.NrCpus - 1)) != 0).ThenBy(c => c.NrCpus).ToArray();
            return new ConfigInference(ranked.Length > 0 ? ranked[0] : start, ranked, constraints);
        }

        /// <summary>"NR_CPUS 8, X86_LOCAL_APIC, X86_IO_APIC, ACPI, ...".</summary>
        public static string Describe(KernelConfig c) =>
            string.Join(", ", new[] { c.NrCpus == 1 ? "UP" : F("NR_CPUS {0}", c.NrCpus) }.Concat(Options.Where(o => o.IsOn(c)).Select(o => o.Name)));

        /// <summary>The options the log's own lines show are on.</summary>
        private static List<string> Evidence(BootLogFacts facts)
        {
            var on = new List<string>();
            if (facts.LocalApicSeen || facts.ApicAddress is not null) on.Add("X86_LOCAL_APIC");
            if (facts.IoApicAddress is not null) on.Add("X86_IO_APIC");
            if (facts.AcpiSeen) on.Add("ACPI");

            // 2.6.24's FIX_PARAVIRT_BOOTMAP is CONFIG_PARAVIRT's; 6.x's needs PARAVIRT_XXL, which the boot message does not show.
            if (facts.Paravirt && facts.Kernel == KernelProfile.V2_6_24) on.Add("PARAVIRT");
            return on;
        }

        /// <summary>
        /// NR_CPUS as the log gives it (the model's limit when it is above); a kernel's fixed SMP NR_CPUS;
        /// every value from the CPUs the log saw up to the model's limit when NR_CPUS changes the fixmap;
        /// else the CPUs the log saw, as NR_CPUS then moves no address.
        /// </summary>
        private static IEnumerable<int> CpuChoices(BootLogFacts facts, KernelProfile kernel, KernelConfig start, Func<KernelConfig, FixmapEnum> enumOf)
        {
            if (!facts.Smp)
            {
                return new[] { 1 };
            }

            if (kernel.SmpNrCpus is { } fixedCpus)
            {
                return new[] { fixedCpus };
            }

            var least = Math.Min(Math.Max(2, facts.CpusSeen ?? 2), MaxNrCpus);
            var moves = Differs(enumOf(start with { NrCpus = 2 }), enumOf(start with { NrCpus = 3 }));
            return facts.NrCpus is { } n ? new[] { n <= MaxNrCpus ? n : moves ? MaxNrCpus : least }
                : moves ? Enumerable.Range(least, MaxNrCpus - least + 1)
                : new[] { least };
        }

        private static bool At(FixmapEnum fixmaps, string name, ulong top, ulong? address) =>
            address is not { } a || (fixmaps.IndexOf(name) is var i && i >= 0 && top - ((ulong)i << Machine.PageShift) == a);

        private static bool Differs(FixmapEnum a, FixmapEnum b) =>
            a.EndOfFixed != b.EndOfFixed || a.EndOfPermanent != b.EndOfPermanent || a.Ranges.Count != b.Ranges.Count;

        private static int Cost(KernelConfig c)
        {
            var cost = 0;
            for (var i = 0; i < Options.Length; i++)
            {
                cost |= Options[i].IsOn(c) ? 1 << i : 0;
            }

            return cost;
        }

        private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
