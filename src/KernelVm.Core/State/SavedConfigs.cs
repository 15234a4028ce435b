using System.Linq;
using KernelVm.Layout;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm.State
{
    /// <summary>A machine's configuration to and from its saved form.</summary>
    internal static class SavedConfigs
    {
        internal static SavedConfig From(MachineConfig c) => new()
        {
            Name = c.Name,
            Architecture = c.Architecture.ToString(),
            VmSplit = c.VmSplit.ToString(),
            MemorySize = Hex.Format(c.MemorySize),
            KernelVersion = c.Kernel.Version,
            HighMem = c.HighMem?.ToString(),
            NrCpus = c.Options.NrCpus,
            KernelOptions = KernelConfig.OptionNames.Where(name => c.Options.With(name) == c.Options).ToList(),
            CpuFeatures = c.Cpu.Features.ToString(),
            Boot = new SavedBoot
            {
                Vmalloc = Optional(c.Boot.Vmalloc),
                HighMem = Optional(c.Boot.HighMem),
                ReserveTop = Optional(c.Boot.ReserveTop),
                ReserveTopBeforeVmalloc = c.Boot.ReserveTopBeforeVmalloc,
                Mem = Optional(c.Boot.Mem),
                KernelCore = Optional(c.Boot.KernelCore),
                MovableCore = Optional(c.Boot.MovableCore),
            },
            Nodes = c.Nodes.Select(n => new SavedRange { Start = Hex.Format(n.Start), End = Hex.Format(n.End) }).ToList(),
            KernelImageSize = Hex.Format(c.KernelImageSize),
            EventLogCapacity = c.EventLogCapacity,
            KernelSections = c.KernelSections is { } s
                ? new SavedSections { Etext = Hex.Format(s.Etext), Edata = Hex.Format(s.Edata), InitBegin = Hex.Format(s.InitBegin), InitEnd = Hex.Format(s.InitEnd) }
                : null,
            E820 = c.E820?.Select(e => new SavedE820Entry { Start = Hex.Format(e.Start), Size = Hex.Format(e.Size), Type = e.Type.ToString() }).ToList(),
            StructPageSize = (int)(c.StructPageSize ?? 0),
        };

        /// <summary>The configuration a saved one names; boot then validates it as it validates any other.</summary>
        internal static MachineConfig To(SavedConfig c)
        {
            var options = new KernelConfig { NrCpus = c.NrCpus };
            foreach (var option in c.KernelOptions ?? new System.Collections.Generic.List<string>())
            {
                options = options.With(option);
            }

            return new MachineConfig
            {
                Name = c.Name ?? throw Errors.MachineFileInvalidError("config.name", "the machine has no name"),
                Architecture = SavedEnum.Parse<Architecture>(c.Architecture, "config.architecture"),
                VmSplit = SavedEnum.Parse<VmSplit>(c.VmSplit, "config.vmSplit"),
                MemorySize = Hex.Parse(c.MemorySize, "config.memorySize"),
                Kernel = KernelProfile.Find(c.KernelVersion ?? "") ?? throw Errors.MachineFileInvalidError("config.kernelVersion", "'" + c.KernelVersion + "' is not a kernel the model knows"),
                HighMem = c.HighMem is null ? null : SavedEnum.Parse<HighMemSupport>(c.HighMem, "config.highMem"),
                Options = options,
                Cpu = new CpuFeatures(c.CpuFeatures is { } f && System.Enum.TryParse<CpuFeature>(f, out var features) && f.Trim().Length > 0 && !char.IsDigit(f.Trim()[0])
                    ? features
                    : throw Errors.MachineFileInvalidError("config.cpuFeatures", "'" + c.CpuFeatures + "' is not a list of CPU features such as 'PSE, PGE, NX'")),
                Boot = new BootOptions
                {
                    Vmalloc = OptionalParse(c.Boot?.Vmalloc, "config.boot.vmalloc"),
                    HighMem = OptionalParse(c.Boot?.HighMem, "config.boot.highmem"),
                    ReserveTop = OptionalParse(c.Boot?.ReserveTop, "config.boot.reservetop"),
                    ReserveTopBeforeVmalloc = c.Boot?.ReserveTopBeforeVmalloc ?? false,
                    Mem = OptionalParse(c.Boot?.Mem, "config.boot.mem"),
                    KernelCore = OptionalParse(c.Boot?.KernelCore, "config.boot.kernelcore"),
                    MovableCore = OptionalParse(c.Boot?.MovableCore, "config.boot.movablecore"),
                },
                Nodes = (c.Nodes ?? new System.Collections.Generic.List<SavedRange>()).Select(n => new NodeRange(Hex.Parse(n.Start, "config.nodes.start"), Hex.Parse(n.End, "config.nodes.end"))).ToList(),
                KernelImageSize = Hex.Parse(c.KernelImageSize, "config.kernelImageSize"),
                // A file from before the event log could be sized has none: the default ring.
                EventLogCapacity = c.EventLogCapacity == 0 ? Trace.EventLog.DefaultCapacity : c.EventLogCapacity,
                KernelSections = c.KernelSections is { } s
                    ? new KernelSections
                    {
                        Etext = Hex.Parse(s.Etext, "config.kernelSections.etext"),
                        Edata = Hex.Parse(s.Edata, "config.kernelSections.edata"),
                        InitBegin = Hex.Parse(s.InitBegin, "config.kernelSections.initBegin"),
                        InitEnd = Hex.Parse(s.InitEnd, "config.kernelSections.initEnd"),
                    }
                    : null,
                E820 = c.E820?.Select(e => new E820Entry(Hex.Parse(e.Start, "config.e820.start"), Hex.Parse(e.Size, "config.e820.size"),
                    E820TypeOf(e.Type))).ToList(),
                // 0: a file from before sizeof(struct page) could be set, or the profile's size.
                StructPageSize = c.StructPageSize == 0 ? null : (ulong)c.StructPageSize,
            };
        }

        /// <summary>A type's name, or the number of a type the kernel prints as "type N".</summary>
        private static E820Type E820TypeOf(string? text) =>
            uint.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? (E820Type)number
                : SavedEnum.Parse<E820Type>(text, "config.e820.type");

        private static string? Optional(ulong? value) => value is { } v ? Hex.Format(v) : null;

        private static ulong? OptionalParse(string? text, string field) => text is null ? null : Hex.Parse(text, field);
    }
}
