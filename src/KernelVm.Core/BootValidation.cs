using KernelVm.Layout;
using KernelVm.Profiles;

namespace KernelVm
{
    /// <summary>The configuration rules Kconfig and early boot enforce, checked before anything is built.</summary>
    internal static class BootValidation
    {
        private const ulong MinMemory = 32UL << 20;
        private const ulong MaxMemory32 = 64UL << 30;  // 36-bit PAE physical addresses
        private const ulong MaxMemory64 = 1UL << 46;   // x86-64 MAXMEM (include/asm-x86/page_64.h)

        internal static HighMemSupport ResolveHighMem(MachineConfig config)
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

            if (!config.Kernel.HasHighMem64G)
            {
                // 6.x: HIGHMEM4G is a plain bool, and X86_PAE no longer depends on the highmem choice.
                if (config.HighMem == HighMemSupport.HighMem64G)
                {
                    throw Errors.HighMemConflict(HighMemSupport.HighMem64G, arch,
                        "kernel " + config.Kernel.Version + " has no CONFIG_HIGHMEM64G (removed by commit bbeb69ce3013); use HighMem4G or None.");
                }

                return config.HighMem ?? HighMemSupport.HighMem4G;
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

        /// <summary>
        /// On x86-64 the image holds head_64.S's page tables, and level2_kernel_pgt must map all of it
        /// (KERNEL_TEXT_SIZE, 40 MiB from physical 0 in 2.6.24).
        /// </summary>
        private static void CheckImage64(MachineConfig config)
        {
            var kernel = config.Kernel;
            var paging = kernel.X86_64Paging!;
            var (text, size) = (kernel.PhysicalStart64, config.KernelImageSize);
            var tables = paging.HeadTablesAt(text, size, paging.HeadTablePages);
            if (tables < text || tables + paging.HeadTablePages * Machine.PageSize > text + size)
            {
                throw Errors.BadImageSize64(size, "head_64.S's page tables (" + paging.HeadTablePages + " pages" +
                    (tables > text ? " after startup_64's page" : "") + ") must fit in it.");
            }

            if (text + size > kernel.X86_64Layout!.KernelTextSize)
            {
                throw Errors.BadImageSize64(size, "loaded at " + Errors.Hex(text) + " it would end past the kernel text mapping (" +
                    Errors.Hex(kernel.X86_64Layout.KernelTextSize) + " from physical 0), which is all level2_kernel_pgt maps.");
            }
        }

        internal static void CheckOptions(MachineConfig config, HighMemSupport highMem)
        {
            var size = RamEnd(config);
            var max = config.Architecture == Architecture.X86_64 ? MaxMemory64 : MaxMemory32;
            if (size < MinMemory || size > max)
            {
                throw Errors.BadMemorySize(size, "it must be at least " + Errors.Hex(MinMemory) + " (32 MiB) and at most " + Errors.Hex(max) + ".");
            }

            // A simulated BIOS reports whole pages; an odd size is a typing slip (-1 reads as 0xFFFFFFFF).
            if (config.E820 is null && size % Machine.PageSize != 0)
            {
                throw Errors.BadMemorySize(size, "it must be a whole number of 4 KiB pages.");
            }

            // ZONE_MOVABLE came with 2.6.23; 2.4.22 has no kernelcore= or movablecore=.
            if (config.Kernel.ZoneInit == ZoneInitStyle.FreeAreaInit24 && (config.Boot.KernelCore ?? config.Boot.MovableCore) is not null)
            {
                throw Errors.BootOptionMissing(config.Boot.KernelCore is not null ? "kernelcore=" : "movablecore=", config.Kernel.Version);
            }

            // mem= must leave RAM for ZONE_DMA and the kernel, as -MemorySize must.
            if (config.Boot.Mem is { } mem && mem < MinMemory)
            {
                throw Errors.BadBootOption("mem=", mem, "at least " + Errors.Hex(MinMemory) + " (32 MiB) of RAM must stay.");
            }

            // struct page holds at least flags, _count, _mapcount and lru, in whole words; a debug build stays well below a cache line pair.
            if (config.StructPageSize is { } structPage && (structPage < 16 || structPage > 128 || structPage % 4 != 0))
            {
                throw Errors.BadConfigValue("StructPageSize", structPage, "sizeof(struct page) must be a multiple of 4 from 16 to 128 bytes.");
            }

            // The image holds swapper_pg_dir, swapper_pg_pmd and empty_zero_page; it must fit well inside lowmem.
            if (config.KernelImageSize % Machine.PageSize != 0 || config.KernelImageSize < 16 * 1024 || config.KernelImageSize > 64UL << 20)
            {
                throw Errors.BadImageSize(config.KernelImageSize);
            }

            // vmlinux.lds order: .text, data up to _edata, the page-aligned init section, all inside the image.
            if (config.KernelSections is { } s
                && !(s.Etext <= s.Edata && s.Edata <= s.InitBegin && s.InitBegin <= s.InitEnd && s.InitEnd <= config.KernelImageSize
                     && (s.InitBegin | s.InitEnd) % Machine.PageSize == 0))
            {
                throw Errors.BadSections(s, config.KernelImageSize);
            }

            if (config.Architecture == Architecture.X86_64)
            {
                CheckImage64(config);
            }

            var options = config.Options;
            if (options.NrCpus < 1 || options.NrCpus > 255)
            {
                throw Errors.BadConfigValue(nameof(KernelConfig.NrCpus), options.NrCpus, "NR_CPUS ranges from 1 (UP) to 255 on i386.");
            }

            var boot = config.Boot;
            if (boot.Vmalloc is not null && !config.Kernel.HasVmallocOption)
            {
                throw Errors.BootOptionMissing("vmalloc=", config.Kernel.Version);
            }

            if (boot.ReserveTop is { } reserve)
            {
                if (!config.Kernel.HasReserveTop || config.Architecture == Architecture.X86_64)
                {
                    throw Errors.BootOptionMissing("reservetop=", config.Kernel.Version + " " + config.Architecture);
                }

                if (reserve % Machine.PageSize != 0 || reserve >= 1UL << 30)
                {
                    throw Errors.BadBootOption("reservetop=", reserve, "a whole number of pages below 1 GiB is expected (FIXADDR_TOP becomes -reserve - PAGE_SIZE).");
                }
            }

            if (boot.HighMem is not null && config.Architecture == Architecture.X86_64)
            {
                throw Errors.BootOptionMissing("highmem=", config.Kernel.Version + " X86_64");
            }

            CheckNodes(config);
        }

        /// <summary>The BUG()s and BUG_ON()s of mem_init() (arch/x86/mm/init_32.c) that check the virtual layout.</summary>
        internal static void CheckLayout(KernelLayout layout)
        {
            if (layout.PkmapBase is { } pkmap && pkmap + (ulong)layout.LastPkmap * Machine.PageSize >= layout.FixaddrStart)
            {
                throw Errors.LayoutBroken("fixmap and kmap areas overlap", pkmap);
            }

            if (layout.VmallocStart > layout.VmallocEnd)
            {
                throw Errors.LayoutBroken("VMALLOC_START > VMALLOC_END", layout.VmallocStart);
            }

            if (layout.HighMemory > layout.VmallocStart)
            {
                throw Errors.LayoutBroken("high_memory > VMALLOC_START", layout.HighMemory);
            }
        }

        private static void CheckNodes(MachineConfig config)
        {
            var nodes = config.Nodes;
            if (nodes.Count == 0)
            {
                return;
            }

            if (config.Architecture == Architecture.X86 || !config.Kernel.HasNuma
                || (config.Architecture != Architecture.X86_64 && !config.Kernel.NumaOn32Bit))
            {
                throw Errors.NumaUnavailable(config.Architecture, config.Kernel.Version);
            }

            if (config.Architecture == Architecture.X86Pae && config.HighMem is { } h && h != HighMemSupport.HighMem64G)
            {
                throw Errors.NumaUnavailable(config.Architecture, config.Kernel.Version);
            }

            ulong expected = 0;
            foreach (var node in nodes)
            {
                if (node.Start != expected || node.End <= node.Start || node.Start % Machine.PageSize != 0 || node.End % Machine.PageSize != 0)
                {
                    throw Errors.BadNodes(node, "nodes must be page aligned, in order, and cover RAM from 0 without gaps.");
                }

                expected = node.End;
            }

            if (expected != RamEnd(config))
            {
                throw Errors.BadNodes(nodes[nodes.Count - 1], "the last node must end at the end of RAM (" + Errors.Hex(RamEnd(config)) + ").");
            }
        }

        /// <summary>Where RAM ends: MemorySize, or the end of the e820 map's last usable page.</summary>
        private static ulong RamEnd(MachineConfig config) =>
            config.E820 is { } map ? Physical.E820Map.MaxPfn(Physical.E820Map.UsablePfns(map)) << Machine.PageShift : config.MemorySize;
    }
}
