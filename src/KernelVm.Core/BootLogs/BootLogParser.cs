using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using KernelVm.Layout;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm.BootLogs
{
    /// <summary>Reads a saved dmesg into <see cref="BootLogFacts"/>: only what its lines state.</summary>
    public static class BootLogParser
    {
        private static readonly Regex Version = new(@"^Linux version (\S+)", RegexOptions.CultureInvariant);
        private static readonly Regex Release = new(@"^(\d+)\.(\d+)", RegexOptions.CultureInvariant);
        private static readonly Regex Smp = new(@"#\S+ (.* )?SMP\b", RegexOptions.CultureInvariant);

        // The "virtual kernel memory layout" of mem_init() (arch/x86/mm/init_32.c): name : start - end (size).
        private static readonly Regex LayoutLine = new(@"^(fixmap|pkmap|vmalloc|lowmem|\.init|\.data|\.text)\s*: 0x([0-9a-f]+) - 0x([0-9a-f]+)", RegexOptions.CultureInvariant);
        private static readonly Regex Mapped = new(@"^mapped (IOAPIC|APIC) to ([0-9a-f]+) ", RegexOptions.CultureInvariant);
        private static readonly Regex Percpu = new(@"^setup_percpu: NR_CPUS:(\d+) nr_cpumask_bits:\d+ nr_cpu_ids:(\d+)", RegexOptions.CultureInvariant);
        private static readonly Regex Cpus = new(@"(^SLUB: .*CPUs=(\d+))|(^smpboot: Allowing (\d+) CPUs)|(Allowing (\d+) present CPUs)|(^smpboot: Total of (\d+) processors)", RegexOptions.CultureInvariant);
        private static readonly Regex HighLow = new(@"^(\d+)MB (HIGHMEM|LOWMEM) available\.$", RegexOptions.CultureInvariant);
        private static readonly Regex OnlyUsed = new(@"^Warning:? only \d+MB will be used", RegexOptions.CultureInvariant);
        private static readonly Regex LowRam = new(@"^low ram: 0 - ([0-9a-f]+)$", RegexOptions.CultureInvariant);
        private static readonly Regex MemoryLine = new(@"^Memory: \d+k/\d+k available \((\d+)k kernel code, \d+k reserved, (\d+)k data, (\d+)k init", RegexOptions.CultureInvariant);
        private static readonly Regex MaxArchPfn = new(@"max_arch_pfn = 0x([0-9a-f]+)$", RegexOptions.CultureInvariant);

        /// <summary>max_arch_pfn of x86-64 (MAXMEM, 46 bits) and of i386 PAE (36 bits), arch/x86/kernel/e820.c.</summary>
        private const ulong MaxArchPfn64 = 1UL << 34;
        private const ulong MaxArchPfnPae = 1UL << 24;

        public static BootLogFacts Parse(string text)
        {
            var lines = DmesgText.Read(text);
            string? versionLine = null;
            var e820 = new List<E820Entry>();
            var layout = new Dictionary<string, (ulong Start, ulong End)>();
            var facts = new BootLogFacts { Lines = lines };
            string? commandLine = null, x86_64CommandLine = null;
            ulong? maxArchPfn = null;
            bool dma32 = false, nx = false;
            var cpusSeen = 0;
            foreach (var line in lines)
            {
                if (line.Omission)
                {
                    continue;
                }

                var t = line.Text.Trim();
                Match m;
                if (versionLine is null && (m = Version.Match(t)).Success)
                {
                    versionLine = t;
                    facts = facts with { Release = m.Groups[1].Value };
                }
                else if (E820Line.IsE820(t))
                {
                    e820.Add(E820Line.Read(line, t));
                }
                else if (t.StartsWith("Kernel command line: ", StringComparison.Ordinal))
                {
                    commandLine ??= t.Substring("Kernel command line: ".Length);
                }
                else if (t.StartsWith("Command line: ", StringComparison.Ordinal))
                {
                    x86_64CommandLine ??= t.Substring("Command line: ".Length);
                }
                else if ((m = LayoutLine.Match(t)).Success)
                {
                    layout[m.Groups[1].Value] = (Hex(m.Groups[2].Value), Hex(m.Groups[3].Value));
                }
                else if ((m = Mapped.Match(t)).Success)
                {
                    facts = m.Groups[1].Value == "APIC"
                        ? facts with { ApicAddress = facts.ApicAddress ?? Hex(m.Groups[2].Value) }
                        : facts with { IoApicAddress = facts.IoApicAddress ?? Hex(m.Groups[2].Value) };
                }
                else if ((m = Percpu.Match(t)).Success)
                {
                    facts = facts with { NrCpus = Int(m.Groups[1].Value) };
                    cpusSeen = Math.Max(cpusSeen, Int(m.Groups[2].Value));
                }
                else if ((m = Cpus.Match(t)).Success)
                {
                    cpusSeen = Math.Max(cpusSeen, Int(m.Groups[2].Value + m.Groups[4].Value + m.Groups[6].Value + m.Groups[8].Value));
                }
                else if ((m = HighLow.Match(t)).Success)
                {
                    var mb = ulong.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                    facts = m.Groups[2].Value == "HIGHMEM" ? facts with { HighMemMb = mb } : facts with { LowMemMb = mb };
                }
                else if (OnlyUsed.IsMatch(t))
                {
                    facts = facts with { NoHighmemWarning = true };
                }
                else if ((m = LowRam.Match(t)).Success)
                {
                    facts = facts with { LowRamEnd = Hex(m.Groups[1].Value) };
                }
                else if ((m = MemoryLine.Match(t)).Success)
                {
                    facts = facts with { MemoryLineSizes = (ulong.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), ulong.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), ulong.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)) };
                }
                else if ((m = MaxArchPfn.Match(t)).Success)
                {
                    maxArchPfn = Hex(m.Groups[1].Value);
                }
                else
                {
                    dma32 |= t.StartsWith("DMA32 ", StringComparison.Ordinal);
                    nx |= t == "NX (Execute Disable) protection: active";
                    facts = facts with
                    {
                        Paravirt = facts.Paravirt || t.StartsWith("Booting paravirtualized kernel", StringComparison.Ordinal),
                        LocalApicSeen = facts.LocalApicSeen || t.StartsWith("Found and enabled local APIC", StringComparison.Ordinal),
                        AcpiSeen = facts.AcpiSeen || t.StartsWith("ACPI: ", StringComparison.Ordinal),
                    };
                }
            }

            if (versionLine is null)
            {
                throw Errors.NotABootLog("it has no 'Linux version' line, the first line every kernel prints.");
            }

            facts = facts with
            {
                Kernel = ProfileOf(facts.Release),
                Smp = Smp.IsMatch(versionLine),
                E820 = e820,
                CommandLine = commandLine ?? x86_64CommandLine,
                CpusSeen = cpusSeen > 0 ? cpusSeen : null,
            };
            facts = WithLayout(facts, layout);
            return WithArchitecture(facts, versionLine, x86_64CommandLine is not null, dma32, nx, maxArchPfn);
        }

        /// <summary>2.4.x is simulated as 2.4.22, 2.6.x as 2.6.24, 5.x and 6.x as 6.x; other kernels are not.</summary>
        private static KernelProfile ProfileOf(string release)
        {
            var m = Release.Match(release);
            var (major, minor) = m.Success ? (Int(m.Groups[1].Value), Int(m.Groups[2].Value)) : (0, 0);
            return (major, minor) switch
            {
                (2, 4) => KernelProfile.V2_4_22,
                (2, 6) => KernelProfile.V2_6_24,
                (5, _) or (6, _) => KernelProfile.V6,
                _ => throw Errors.KernelUnsupported(release),
            };
        }

        private static BootLogFacts WithLayout(BootLogFacts facts, Dictionary<string, (ulong Start, ulong End)> layout)
        {
            if (layout.TryGetValue("fixmap", out var fixmap))
            {
                facts = facts with { Fixmap = fixmap };
            }

            if (layout.TryGetValue("pkmap", out var pkmap))
            {
                facts = facts with { PkmapSize = pkmap.End - pkmap.Start };
            }

            if (layout.TryGetValue("lowmem", out var lowmem))
            {
                facts = facts with { PageOffset = lowmem.Start, HighMemory = lowmem.End };
            }

            if (layout.TryGetValue(".text", out var text) && layout.TryGetValue(".data", out var data) && layout.TryGetValue(".init", out var init))
            {
                // mem_init() prints _text.._etext, _etext.._edata and __init_begin..__init_end.
                facts = facts with
                {
                    Text = text.Start,
                    Sections = new KernelSections
                    {
                        Etext = text.End - text.Start,
                        Edata = data.End - text.Start,
                        InitBegin = init.Start - text.Start,
                        InitEnd = init.End - text.Start,
                    },
                };
            }

            return facts;
        }

        /// <summary>
        /// x86-64 when the release names it (amd64, x86_64); otherwise i386 when the log has lines only
        /// i386 prints (HIGHMEM/LOWMEM available, a lowmem or pkmap layout line); otherwise x86-64 when
        /// it has lines only x86-64 prints: setup_arch()'s "Command line:", a DMA32 zone, max_arch_pfn
        /// 1 &lt;&lt; 34; or when the version line names x86_64 (the compiler's target). Else i386. An
        /// i386 kernel is PAE when its release says so (pae, bigmem), NX is active (it needs PAE's
        /// 64-bit PTEs), the pkmap area is 2 MiB (LAST_PKMAP 512), max_arch_pfn is 1 &lt;&lt; 24, or
        /// HIGHMEM and LOWMEM add up to more than 4 GiB.
        /// </summary>
        private static BootLogFacts WithArchitecture(BootLogFacts facts, string versionLine, bool x86_64CommandLine, bool dma32, bool nx, ulong? maxArchPfn)
        {
            var release = facts.Release.ToLowerInvariant();
            string? reason64 =
                release.Contains("amd64") || release.Contains("x86_64") ? "the release " + facts.Release + " names x86-64"
                : facts.HighMemMb is not null || facts.LowMemMb is not null || facts.PageOffset is not null || facts.PkmapSize is not null ? null
                : x86_64CommandLine ? "a 'Command line:' line, which setup_arch() prints on x86-64 only"
                : dma32 ? "a DMA32 zone, which only x86-64 has"
                : maxArchPfn == MaxArchPfn64 ? "max_arch_pfn = 0x400000000 (46-bit MAXMEM)"
                : versionLine.Contains("x86_64") ? "the version line names x86_64 (the compiler's target)"
                : null;
            if (reason64 is not null)
            {
                return facts with { Architecture = Architecture.X86_64, ArchitectureReason = "x86-64: " + reason64 + "." };
            }

            string? pae =
                release.Contains("pae") || release.Contains("bigmem") ? "the release " + facts.Release + " is a PAE flavour"
                : nx ? "NX protection is active, which needs PAE's 64-bit PTEs on i386"
                : facts.PkmapSize == 512 * Machine.PageSize ? "the pkmap area is 2048 kB (LAST_PKMAP 512)"
                : maxArchPfn == MaxArchPfnPae ? "max_arch_pfn = 0x1000000 (36-bit physical addresses)"
                : facts.HighMemMb + facts.LowMemMb > 4096 ? "HIGHMEM and LOWMEM add up to more than 4 GB"
                : null;
            var why = facts.HighMemMb is not null || facts.LowMemMb is not null || facts.PageOffset is not null
                ? "HIGHMEM/LOWMEM or lowmem layout lines, which only i386 prints"
                : "nothing in the log is x86-64's";
            return pae is null
                ? facts with { Architecture = Architecture.X86, ArchitectureReason = "i386 (" + why + "), non-PAE: nothing in the log needs PAE." }
                : facts with { Architecture = Architecture.X86Pae, ArchitectureReason = "i386 (" + why + "), PAE: " + pae + "." };
        }

        private static ulong Hex(string s) => ulong.Parse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

        private static int Int(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}
