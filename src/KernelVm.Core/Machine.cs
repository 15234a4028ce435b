using System.Collections.Generic;
using KernelVm.Layout;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm
{
    /// <summary>
    /// A booted simulated machine: the aggregate every front-end operation goes through.
    /// Boot either completes or throws, so there is never a half-built machine.
    /// </summary>
    public sealed class Machine
    {
        public const int PageShift = 12;
        public const ulong PageSize = 1UL << PageShift;

        private const ulong MinMemory = 8UL << 20;
        private const ulong MaxMemory32 = 64UL << 30;  // 36-bit PAE physical addresses
        private const ulong MaxMemory64 = 1UL << 46;   // x86-64 MAXMEM (include/asm-x86/page_64.h)

        private readonly List<BootMessage> _bootLog = new();

        private Machine(MachineConfig config, HighMemSupport highMem)
        {
            Config = config;
            HighMem = highMem;
            PageOffset = config.Architecture == Architecture.X86_64
                ? config.Kernel.PageOffset64!.Value
                : SplitTable.PageOffset(config.VmSplit);
        }

        public MachineConfig Config { get; }

        public string Name => Config.Name;

        public Architecture Architecture => Config.Architecture;

        public KernelProfile Kernel => Config.Kernel;

        public VmSplit VmSplit => Config.VmSplit;

        /// <summary>The resolved "High Memory Support" choice.</summary>
        public HighMemSupport HighMem { get; }

        /// <summary>PAGE_OFFSET: where the direct map starts.</summary>
        public ulong PageOffset { get; }

        /// <summary>MAXMEM: the most RAM the direct map can hold.</summary>
        public ulong MaxMem { get; private set; }

        public ulong MaxPfn => Pfns.MaxPfn;

        public ulong MaxLowPfn => Pfns.MaxLowPfn;

        public ulong HighStartPfn => Pfns.HighStartPfn;

        public ulong HighEndPfn => Pfns.HighEndPfn;

        /// <summary>Bytes of RAM the kernel uses (after any trimming at boot).</summary>
        public ulong UsableMemory => MaxPfn << PageShift;

        /// <summary>high_memory: the virtual address just past the direct map.</summary>
        public ulong HighMemory { get; private set; }

        /// <summary>What the kernel printed while it booted, in order.</summary>
        public IReadOnlyList<BootMessage> BootLog => _bootLog;

        private LowHighSplit Pfns { get; set; }

        /// <summary>Validates the configuration as Kconfig would, then boots.</summary>
        public static Machine Boot(MachineConfig config)
        {
            var machine = new Machine(config, ResolveHighMem(config));
            machine.SizeMemory();
            return machine;
        }

        /// <summary>__pa(): a direct-map virtual address to its physical address.</summary>
        public ulong Pa(ulong virt)
        {
            if (virt < PageOffset || virt >= HighMemory)
            {
                throw Errors.NotInDirectMapAt(virt, PageOffset, HighMemory);
            }

            return virt - PageOffset;
        }

        /// <summary>__va(): a lowmem physical address to its direct-map virtual address.</summary>
        public ulong Va(ulong phys)
        {
            if (phys >= UsableMemory)
            {
                throw Errors.BeyondRam(phys, UsableMemory);
            }

            if (phys >= MaxLowPfn << PageShift)
            {
                throw Errors.HighmemAt(phys, MaxLowPfn << PageShift);
            }

            return phys + PageOffset;
        }

        private static HighMemSupport ResolveHighMem(MachineConfig config)
        {
            var arch = config.Architecture;
            if (arch == Architecture.X86_64)
            {
                if (config.Kernel.PageOffset64 is null)
                {
                    throw Errors.NoArchitecture(arch, config.Kernel.Version);
                }

                if (config.HighMem is { } h && h != HighMemSupport.None)
                {
                    throw Errors.HighMemConflict(h, arch, "x86-64 maps all RAM directly and has no high memory.");
                }

                return HighMemSupport.None;
            }

            if (arch == Architecture.X86Pae && !SplitTable.AllowedWithPae(config.VmSplit))
            {
                throw Errors.SplitWithPae(config.VmSplit);
            }

            if (!config.Kernel.HasVmSplitOption && config.VmSplit != VmSplit.VMSPLIT_3G)
            {
                throw Errors.SplitUnavailable(config.VmSplit, config.Kernel.Version);
            }

            // Kconfig: HIGHMEM64G selects X86_PAE, and X86_PAE depends on !HIGHMEM4G.
            var highMem = config.HighMem ?? (arch == Architecture.X86Pae ? HighMemSupport.HighMem64G : HighMemSupport.HighMem4G);
            if (arch == Architecture.X86 && highMem == HighMemSupport.HighMem64G)
            {
                throw Errors.HighMemConflict(highMem, arch, "HIGHMEM64G selects X86_PAE; use the X86Pae architecture.");
            }

            if (arch == Architecture.X86Pae && highMem == HighMemSupport.HighMem4G)
            {
                throw Errors.HighMemConflict(highMem, arch, "X86_PAE depends on !HIGHMEM4G; use HighMem64G or None.");
            }

            return highMem;
        }

        private void SizeMemory()
        {
            var size = Config.MemorySize;
            var max = Architecture == Architecture.X86_64 ? MaxMemory64 : MaxMemory32;
            if (size < MinMemory || size > max)
            {
                throw Errors.BadMemorySize(size, "it must be at least " + Errors.Hex(MinMemory) + " (8 MiB) and at most " + Errors.Hex(max) + ".");
            }

            var maxPfn = size >> PageShift;
            if (Architecture == Architecture.X86_64)
            {
                MaxMem = MaxMemory64 - 1;
                Pfns = new LowHighSplit(maxPfn, maxPfn);
            }
            else
            {
                // MAXMEM = -__PAGE_OFFSET - __VMALLOC_RESERVE, in 32-bit unsigned arithmetic.
                MaxMem = unchecked((uint)(0u - (uint)PageOffset - Kernel.VmallocReserve));
                Pfns = MemorySizing.FindMaxLowPfn(maxPfn, MaxMem >> PageShift, HighMem, _bootLog);
                if (HighMem != HighMemSupport.None)
                {
                    MemorySizing.LogLowHigh(Pfns, _bootLog);
                }
            }

            // setup_memory: high_memory = __va(highstart_pfn * PAGE_SIZE - 1) + 1.
            HighMemory = PageOffset + (HighStartPfn << PageShift);
        }
    }
}
