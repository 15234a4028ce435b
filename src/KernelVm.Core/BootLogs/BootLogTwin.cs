using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KernelVm.Layout;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm.BootLogs
{
    /// <summary>
    /// The configuration of a simulated twin of the machine a real boot log comes from, with notes on
    /// what was read, inferred, chosen and ignored.
    /// </summary>
    public sealed record BootLogTwin(MachineConfig Config, ConfigInference Inference, IReadOnlyList<TwinNote> Notes)
    {
        /// <summary>How many of the other fitting configurations the notes name.</summary>
        private const int OthersNamed = 8;

        /// <summary>The boot options that change the memory layout; those <see cref="BootOptions"/> reads pass where the kernel has them.</summary>
        private static readonly string[] LayoutOptions = { "mem", "memmap", "kernelcore", "movablecore", "highmem", "vmalloc", "reservetop" };

        public static BootLogTwin From(BootLogFacts facts, string name)
        {
            var notes = new List<TwinNote>();
            void Note(TwinNoteKind kind, string text) => notes.Add(new TwinNote(kind, text));
            var kernel = facts.Kernel;
            var arch = facts.Architecture;
            Note(TwinNoteKind.Inferred, "Kernel " + facts.Release + " is simulated as " + kernel.Version + (kernel.Alias is { } a ? " (" + a + ")" : "") + ".");
            Note(TwinNoteKind.Inferred, "Architecture " + arch + ": " + facts.ArchitectureReason);

            var highMem = HighMemOf(facts, Note);
            var memorySize = Physical.E820Map.UsablePfns(facts.E820).Aggregate(0UL, (sum, r) => sum + r.End - r.Start) << Machine.PageShift;
            if (facts.E820.Count == 0)
            {
                memorySize = (facts.HighMemMb + facts.LowMemMb ?? facts.LowMemMb ?? 0) << 20;
                if (memorySize == 0)
                {
                    throw Errors.NotABootLog("it has no BIOS-e820 lines and no LOWMEM line, so nothing says how much RAM the machine had.");
                }

                Note(TwinNoteKind.Inferred, F("The log has no e820 map: {0} MB of RAM from its HIGHMEM and LOWMEM lines.", memorySize >> 20));
            }
            else
            {
                Note(TwinNoteKind.Inferred, F("{0} e820 ranges; {1} bytes ({2} pages) usable.", facts.E820.Count, memorySize, memorySize >> Machine.PageShift));
            }

            var split = VmSplit.VMSPLIT_3G;
            if (facts.PageOffset is { } pageOffset && arch != Architecture.X86_64)
            {
                var found = Enum.GetValues(typeof(VmSplit)).Cast<VmSplit>().Where(s => SplitTable.PageOffset(s) == pageOffset).ToArray();
                if (found.Length == 1)
                {
                    split = found[0];
                    Note(TwinNoteKind.Inferred, F("PAGE_OFFSET 0x{0:x8} (where lowmem starts): {1}.", pageOffset, split));
                }
                else
                {
                    Note(TwinNoteKind.Ignored, F("PAGE_OFFSET 0x{0:x8} is no CONFIG_VMSPLIT choice; the twin has 0xc0000000.", pageOffset));
                }
            }

            var highMemOn = arch != Architecture.X86_64 && highMem != HighMemSupport.None;
            var config = WithSections(facts, new MachineConfig
            {
                Name = name,
                Architecture = arch,
                VmSplit = split,
                MemorySize = memorySize,
                Kernel = kernel,
                HighMem = highMem,
                Boot = BootOptionsOf(facts, Note),
                E820 = facts.E820.Count == 0 ? null : facts.E820,
            }, Note);
            var inference = WithLowRam(facts, config, ConfigInference.Infer(facts, arch, highMemOn));
            return new BootLogTwin(config with { Options = NoteInference(facts, inference, Note) }, inference, notes);
        }

        /// <summary>
        /// On 6.x i386 the fixmap moves PKMAP_BASE and so VMALLOC_END and MAXMEM: the fits whose twin
        /// ends lowmem where the log's "low ram:" line does, when some do.
        /// </summary>
        private static ConfigInference WithLowRam(BootLogFacts facts, MachineConfig config, ConfigInference inference)
        {
            if (facts.LowRamEnd is not { } end || !config.Kernel.MaxMemFromVmallocEnd || inference.Fits.Count < 2)
            {
                return inference;
            }

            var fits = inference.Fits.Where(c => MaxLowPfn(config with { Options = c }) == end >> Machine.PageShift).ToArray();
            return fits.Length == 0 ? inference : inference with
            {
                Chosen = fits[0],
                Fits = fits,
                Constraints = inference.Constraints.Concat(new[] { F("lowmem ending at 0x{0:x8} (low ram:)", end) }).ToArray(),
            };
        }

        private static ulong? MaxLowPfn(MachineConfig config)
        {
            try
            {
                return Machine.Boot(config).MaxLowPfn;
            }
            catch (KernelVmException)
            {
                return null;
            }
        }

        /// <summary>PAE: HIGHMEM64G where the kernel has it; non-PAE: HIGHMEM4G when the log prints HIGHMEM, NOHIGHMEM when it warns that RAM is left unused.</summary>
        private static HighMemSupport? HighMemOf(BootLogFacts facts, Action<TwinNoteKind, string> note)
        {
            switch (facts.Architecture)
            {
                case Architecture.X86Pae when facts.Kernel.HasHighMem64G:
                    note(TwinNoteKind.Inferred, "HIGHMEM64G (PAE).");
                    return HighMemSupport.HighMem64G;
                case Architecture.X86Pae:
                    note(TwinNoteKind.Ignored, "A PAE kernel: " + facts.Kernel.Version + " has no HIGHMEM64G (removed by commit bbeb69ce3013, 6.15), so the twin is a HIGHMEM4G PAE kernel and uses RAM up to 4 GB only.");
                    return null;
                case Architecture.X86 when facts.HighMemMb is not null:
                    note(TwinNoteKind.Inferred, "HIGHMEM4G: the log prints HIGHMEM available.");
                    return HighMemSupport.HighMem4G;
                case Architecture.X86 when facts.NoHighmemWarning:
                    note(TwinNoteKind.Inferred, "NOHIGHMEM: the log warns that RAM above MAXMEM is not used.");
                    return HighMemSupport.None;
                default:
                    return null;
            }
        }

        private static KernelConfig NoteInference(BootLogFacts facts, ConfigInference inference, Action<TwinNoteKind, string> note)
        {
            var constraints = inference.Constraints.Count == 0 ? "a log that constrains none of the fixmap options" : string.Join(", ", inference.Constraints);
            if (inference.Fits.Count == 0)
            {
                note(TwinNoteKind.Ignored, "No configuration the model knows fits " + constraints + "; the twin has " + ConfigInference.Describe(inference.Chosen) + ".");
            }
            else
            {
                note(inference.Fits.Count == 1 ? TwinNoteKind.Inferred : TwinNoteKind.Chosen,
                    F("Config {0}: {1} of {2} that fit {3}", ConfigInference.Describe(inference.Chosen), inference.Fits.Count == 1 ? "the only one" : "the first", inference.Fits.Count, constraints)
                    + (inference.Fits.Count == 1 ? "." : " (the fit with the most common options: APICs, ACPI, MMCONFIG, PARAVIRT, then F00F, Cyclone, VISWS, DEBUG_HIGHMEM)."));
                if (inference.Fits.Count > 1)
                {
                    var others = inference.Fits.Skip(1).Take(OthersNamed).Select(c => "{" + ConfigInference.Describe(c) + "}");
                    note(TwinNoteKind.Chosen, "Other fits: " + string.Join("; ", others) + (inference.Fits.Count - 1 > OthersNamed ? F(" and {0} more.", inference.Fits.Count - 1 - OthersNamed) : "."));
                }
            }

            if (facts.NrCpus is { } n && n > ConfigInference.MaxNrCpus)
            {
                note(TwinNoteKind.Ignored, F("NR_CPUS {0} is above the model's {1}; the twin has NR_CPUS {2}", n, ConfigInference.MaxNrCpus, inference.Chosen.NrCpus)
                    + (inference.Chosen.NrCpus < ConfigInference.MaxNrCpus ? ", the CPUs the log brought up (here NR_CPUS moves no address the model lays out)." : "."));
            }

            return inference.Chosen;
        }

        /// <summary>The layout options the model simulates, where the kernel has them; the others are listed as ignored.</summary>
        private static BootOptions BootOptionsOf(BootLogFacts facts, Action<TwinNoteKind, string> note)
        {
            var kept = new List<string>();
            foreach (var word in (facts.CommandLine ?? "").Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = word.IndexOf('=');
                var key = equals > 0 ? word.Substring(0, equals).ToLowerInvariant() : "";
                if (Array.IndexOf(LayoutOptions, key) < 0)
                {
                    continue;
                }

                var why = key switch
                {
                    "vmalloc" when !facts.Kernel.HasVmallocOption || facts.Architecture == Architecture.X86_64 => "kernel " + facts.Kernel.Version + " " + facts.Architecture + " has no vmalloc=",
                    "reservetop" when !facts.Kernel.HasReserveTop || facts.Architecture == Architecture.X86_64 => "kernel " + facts.Kernel.Version + " " + facts.Architecture + " has no reservetop=",
                    "highmem" when facts.Architecture == Architecture.X86_64 => "x86-64 has no highmem=",
                    _ when BootOptions.MemParse(word.Substring(equals + 1)) is null => "its value does not read as memparse() reads it",
                    _ => null,
                };
                if (why is null && !Simulated(word))
                {
                    why = "the model does not simulate " + key + "=";
                }

                if (why is null)
                {
                    kept.Add(word);
                }
                else
                {
                    note(TwinNoteKind.Ignored, "Boot option " + word + ": " + why + ".");
                }
            }

            if (kept.Count > 0)
            {
                note(TwinNoteKind.Inferred, "Boot options: " + string.Join(" ", kept) + ".");
            }

            return BootOptions.Parse(string.Join(" ", kept));
        }

        private static bool Simulated(string word)
        {
            try
            {
                BootOptions.Parse(word);
                return true;
            }
            catch (KernelVmException)
            {
                return false;
            }
        }

        /// <summary>The image's sections from the layout lines, when _text is where the model loads the kernel.</summary>
        private static MachineConfig WithSections(BootLogFacts facts, MachineConfig config, Action<TwinNoteKind, string> note)
        {
            if (facts.Sections is not { } sections || facts.Text is not { } text)
            {
                return facts.MemoryLineSizes is { } sizes ? WithSectionSizes(sizes, config, note) : config;
            }

            var expected = (config.Architecture == Architecture.X86_64 ? config.Kernel.PageOffset64 ?? 0 : SplitTable.PageOffset(config.VmSplit))
                + config.Kernel.PhysicalStartFor(config.Architecture);
            if (text != expected)
            {
                note(TwinNoteKind.Ignored, F("_text is at 0x{0:x8}, not at 0x{1:x8} where the model loads the kernel: the sections are not used.", text, expected));
                return config;
            }

            var image = Math.Max(config.KernelImageSize, (sections.InitEnd + Machine.PageSize - 1) & ~(Machine.PageSize - 1));
            note(TwinNoteKind.Inferred, F("Kernel sections from the layout lines: _etext +0x{0:x}, _edata +0x{1:x}, init +0x{2:x}-0x{3:x}.", sections.Etext, sections.Edata, sections.InitBegin, sections.InitEnd));
            return config with { KernelSections = sections, KernelImageSize = image };
        }

        /// <summary>
        /// Sections from the "Memory:" line's sizes, for a kernel that prints no layout (2.4): text from
        /// _text, data right after it, init from the next page, as the linker script orders them.
        /// </summary>
        private static MachineConfig WithSectionSizes((ulong Code, ulong Data, ulong Init) sizes, MachineConfig config, Action<TwinNoteKind, string> note)
        {
            const ulong pageMask = Machine.PageSize - 1;
            var edata = (sizes.Code + sizes.Data) << 10;
            var initBegin = (edata + pageMask) & ~pageMask;
            var sections = new KernelSections { Etext = sizes.Code << 10, Edata = edata, InitBegin = initBegin, InitEnd = (initBegin + (sizes.Init << 10) + pageMask) & ~pageMask };
            var image = Math.Max(config.KernelImageSize, sections.InitEnd);
            note(TwinNoteKind.Inferred, F("Kernel sections from the Memory: line's sizes ({0}k code, {1}k data, {2}k init): _etext +0x{3:x}, _edata +0x{4:x}, init +0x{5:x}-0x{6:x}.",
                sizes.Code, sizes.Data, sizes.Init, sections.Etext, sections.Edata, sections.InitBegin, sections.InitEnd));
            return config with { KernelSections = sections, KernelImageSize = image };
        }

        private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
