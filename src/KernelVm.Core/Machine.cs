using System.Collections.Generic;
using KernelVm.Fixmap;
using KernelVm.Layout;
using KernelVm.Paging;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm
{
    /// <summary>
    /// A booted simulated machine: the aggregate every front-end operation goes through.
    /// Boot either completes or throws, so there is never a half-built machine.
    /// </summary>
    public sealed partial class Machine
    {
        public const int PageShift = 12;
        public const ulong PageSize = 1UL << PageShift;

        private readonly List<BootMessage> _bootLog = new();

        private Machine(MachineConfig config, HighMemSupport highMem, int eventLogCapacity)
        {
            Config = config;
            HighMem = highMem;
            Events = new Trace.EventLog(eventLogCapacity);
            PageOffset = Is64Bit ? config.Kernel.PageOffset64!.Value : SplitTable.PageOffset(config.VmSplit);
        }

        public MachineConfig Config { get; }

        /// <summary>The kernel image's sections: the configured ones or the default for the image size.</summary>
        public KernelSections Sections => Config.KernelSections ?? KernelSections.Default(Config.KernelImageSize);

        /// <summary>What Kconfig forced on the configuration asked for (see <see cref="KernelConfig.CompletedFor"/>); null when nothing.</summary>
        public string? ConfigNote { get; private init; }

        public string Name => Config.Name;

        public Architecture Architecture => Config.Architecture;

        public KernelProfile Kernel => Config.Kernel;

        public VmSplit VmSplit => Config.VmSplit;

        public KernelConfig Options => Config.Options;

        /// <summary>The resolved "High Memory Support" choice.</summary>
        public HighMemSupport HighMem { get; }

        public bool IsPae => Architecture == Architecture.X86Pae;

        public bool Is64Bit => Architecture == Architecture.X86_64;

        /// <summary>PAGE_OFFSET: where the direct map starts.</summary>
        public ulong PageOffset { get; }

        /// <summary>__VMALLOC_RESERVE after vmalloc= and reservetop=.</summary>
        public ulong VmallocReserve { get; private set; }

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

        /// <summary>enum fixed_addresses for this kernel and config.</summary>
        public FixmapEnum Fixmaps { get; private set; } = null!;

        /// <summary>The virtual layout, bottom to top.</summary>
        public KernelLayout Layout { get; private set; } = null!;

        /// <summary>The run-time PAGE_KERNEL values.</summary>
        public PageProtections Prot { get; private set; } = null!;

        /// <summary>swapper_pg_dir (init_level4_pgt / init_top_pgt on x86-64) and its tables.</summary>
        public KernelPageTables PageTables { get; private set; } = null!;

        /// <summary>Nodes, zones and mem_map.</summary>
        public PhysicalMemory Memory { get; private set; } = null!;

        /// <summary>What boot reserved in physical memory: page 0, the kernel image, mem_map, page tables.</summary>
        public IReadOnlyList<PhysicalRange> Reserved => BootMem.Reserved;

        /// <summary>What the kernel printed while it booted, in order.</summary>
        public IReadOnlyList<BootMessage> BootLog => _bootLog;

        /// <summary>KM_TYPE_NR for this kernel and config; in 6.x, KM_MAX_IDX (the kmap_local slots per CPU).</summary>
        public int KmTypeNr => Kernel.KmTypeNr(Options.DebugHighmem);

        private LowHighSplit Pfns { get; set; }

        private BootMem BootMem { get; set; } = null!;

        /// <summary>The machine's name, so that records show which machine they came from.</summary>
        public override string ToString() => Name;

        /// <summary>Validates the configuration as Kconfig would, then boots as setup_arch() does.</summary>
        public static Machine Boot(MachineConfig config)
        {
            if (config.E820 is { } map)
            {
                var sorted = Physical.E820Map.Checked(map);
                config = config with { E820 = sorted, MemorySize = Physical.E820Map.UsableBytes(sorted) };
            }

            config = config with { Options = config.Options.CompletedFor(config.Kernel, out var note) };
            var capacity = Trace.EventLog.RoundCapacity(config.EventLogCapacity);
            var machine = new Machine(config, BootValidation.ResolveHighMem(config), capacity) { ConfigNote = note };
            BootValidation.CheckOptions(config, machine.HighMem);
            machine.BootKernel();
            return machine;
        }

        /// <summary>x86-64 __START_KERNEL_map: the kernel text mapping, from physical 0 (phys_base 0).</summary>
        public const ulong StartKernelMap = 0xFFFFFFFF80000000;

        /// <summary>x86-64 TASK_SIZE (TASK_SIZE_MAX): the user half of the 47-bit address space, less a guard page.</summary>
        public const ulong TaskSize64 = (1UL << 47) - PageSize;

        /// <summary>
        /// USER_PTRS_PER_PGD: the PGD entries that map user space. i386 (pgtable_32.h) takes
        /// TASK_SIZE / PGDIR_SIZE with TASK_SIZE = PAGE_OFFSET; x86-64 (pgtable_64.h) takes
        /// (TASK_SIZE - 1) / PGDIR_SIZE + 1 = 256, whatever PAGE_OFFSET is.
        /// </summary>
        public int UserPtrsPerPgd
        {
            get
            {
                var pgdirShift = Paging.PagingGeometry.For(Architecture).Levels[0].Shift;
                return Is64Bit ? (int)(((TaskSize64 - 1) >> pgdirShift) + 1) : (int)(PageOffset >> pgdirShift);
            }
        }

        /// <summary>
        /// __pa(): a direct-map virtual address to its physical address. On x86-64 (__phys_addr) an
        /// address in the kernel text mapping is x - __START_KERNEL_map + phys_base instead.
        /// </summary>
        public ulong Pa(ulong virt)
        {
            if (Is64Bit && virt >= StartKernelMap)
            {
                return virt - StartKernelMap;
            }

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

        /// <summary>
        /// virt_addr_valid(). 2.6.24 only checks pfn_valid(__pa(v) >> PAGE_SHIFT), and __pa wraps in
        /// 32 bits, so vmalloc and even user addresses can pass (worked example W21); 6.x rejects them.
        /// </summary>
        public bool VirtAddrValid(ulong virt)
        {
            CheckVirtual(virt);
            // 6.x __virt_addr_valid(): nothing below PAGE_OFFSET, no vmalloc address, nothing from FIXADDR_START up.
            if (Kernel.StrictVirtAddrValid && !Is64Bit
                && (virt < PageOffset || (virt >= Layout.VmallocStart && virt < Layout.VmallocEnd) || virt >= Layout.FixaddrStart))
            {
                return false;
            }

            if (Is64Bit)
            {
                return PhysAddrValid64(virt) is { } phys && Memory.PfnValid(phys >> PageShift);
            }

            return Memory.PfnValid((uint)(virt - PageOffset) >> PageShift);
        }

        /// <summary>
        /// The physical address x86-64's virt_addr_valid() checks, or null where it answers false
        /// first. The kernel text mapping is x - __START_KERNEL_map (phys_base 0), as __phys_addr()
        /// has it; 6.x's __virt_addr_valid() also refuses text past KERNEL_IMAGE_SIZE and anything
        /// below PAGE_OFFSET, where 2.6.24's subtraction wraps to a pfn no machine has.
        /// </summary>
        private ulong? PhysAddrValid64(ulong virt)
        {
            if (virt >= StartKernelMap)
            {
                var offset = virt - StartKernelMap;
                return Kernel.StrictVirtAddrValid && offset >= Kernel.X86_64Layout!.KernelTextSize ? null : offset;
            }

            return Kernel.StrictVirtAddrValid && virt < PageOffset ? null : virt - PageOffset;
        }

        /// <summary>Where a kernel virtual address leads: the physical address the page-table walk ends at, or null.</summary>
        public ulong? Translate(ulong virt)
        {
            CheckWalkable(virt);
            return PageTables.Translate(virt);
        }

        /// <summary>The walk of swapper_pg_dir for a virtual address, level by level, as crash's vtop prints it.</summary>
        public IReadOnlyList<WalkStep> Walk(ulong virt)
        {
            CheckWalkable(virt);
            return PageTables.Walk(virt);
        }

        /// <summary>What an address means in its region: its __pa(), its fixmap or pkmap slot, and so on.</summary>
        public string Describe(ulong virt) => AddressIdentity.Describe(this, RegionOf(virt), virt);

        /// <summary>The layout region of a virtual address; an address wider than the architecture's is an error.</summary>
        public MemoryRegion RegionOf(ulong virt)
        {
            CheckVirtual(virt);
            return Layout.RegionOf(virt);
        }

        private void CheckVirtual(ulong virt)
        {
            if (!Is64Bit && virt > uint.MaxValue)
            {
                throw Errors.VirtualTooWide(virt, Architecture);
            }
        }

        /// <summary>An address the MMU walks: with 4-level paging bits 63..47 must all equal bit 47, or the CPU raises #GP first.</summary>
        private void CheckWalkable(ulong virt)
        {
            CheckVirtual(virt);
            var high = (long)virt >> 47;
            if (Is64Bit && high != 0 && high != -1)
            {
                throw Errors.NotCanonical(virt);
            }
        }

        private void BootKernel()
        {
            var maxPfn = ReadE820();
            var boot = Config.Boot;
            var highMem = HighMem != HighMemSupport.None;
            VmallocReserve = boot.Vmalloc is { } v ? v + Kernel.VmallocOptionExtra : Kernel.VmallocReserve;
            if (boot.ReserveTop is { } reserve && !Kernel.ReserveTopRoundsToPmd && !boot.ReserveTopBeforeVmalloc)
            {
                VmallocReserve += reserve;
            }

            Fixmaps = new FixmapEnum(Is64Bit ? Kernel.FixmapX86_64! : Kernel.FixmapX86,
                new FixmapInputs(Options, highMem, KmTypeNr, Architecture == Architecture.X86 ? 1024 : 512));
            LayoutConstants? top = null;
            if (Is64Bit)
            {
                MaxMem = Kernel.X86_64Layout!.MaxMem;
                Pfns = new LowHighSplit(maxPfn, maxPfn);
            }
            else
            {
                top = LayoutBuilder.Constants32(Kernel, FixaddrTop(), Fixmaps, IsPae, highMem, Options.NrCpus);

                // MAXMEM = -__PAGE_OFFSET - __VMALLOC_RESERVE (2.4.22, 2.6.24), or VMALLOC_END - PAGE_OFFSET - __VMALLOC_RESERVE (6.x), in 32 bits.
                var maxMem = (long)(Kernel.MaxMemFromVmallocEnd ? top.VmallocEnd : 1UL << 32) - (long)PageOffset - (long)VmallocReserve;
                if (maxMem < (long)(PhysicalMemory.MaxDmaPfn << PageShift))
                {
                    throw Errors.VmallocTooLarge(VmallocReserve, PageOffset);
                }

                MaxMem = (ulong)maxMem;
                Pfns = MemorySizing.FindMaxLowPfn(maxPfn, MaxMem >> PageShift, HighMem, boot.HighMem >> PageShift, Kernel.Messages, _bootLog);
                MemorySizing.LogLowHigh(Pfns, highMem, _bootLog);

                if (Kernel.PrintsLowRam)
                {
                    MemorySizing.LogLowRam(Pfns, _bootLog);
                }
            }

            // setup_memory: high_memory = __va(highstart_pfn * PAGE_SIZE - 1) + 1.
            HighMemory = PageOffset + (HighStartPfn << PageShift);
            Layout = Is64Bit
                ? LayoutBuilder.Build64(PageOffset, HighMemory, Kernel.VmemmapBase64!.Value, Kernel.FixaddrTop64, Fixmaps, Kernel.X86_64Layout!)
                : LayoutBuilder.Build32(top!, PageOffset, HighMemory, Fixmaps, Kernel.VmallocStartRounded, boot.ReserveTop is not null);
            BootValidation.CheckLayout(Layout);

            // setup_bootmem_allocator(): page 0, the SMP trampoline page, and the kernel image with its bitmap.
            BootMem = new BootMem(MaxLowPfn << PageShift, Kernel.TopDownAllocation);
            ReserveE820Holes();
            BootMem.Reserve(0, PageSize, "BIOS data page (page 0)");
            if (Options.NrCpus > 1)
            {
                BootMem.Reserve(PageSize, 2 * PageSize, "SMP trampoline");
            }

            var imageStart = Kernel.PhysicalStartFor(Architecture);
            BootMem.Reserve(imageStart, imageStart + Config.KernelImageSize, "kernel image");
            // 2.6.24 x86-64 sets CR4.PGE in head_64.S and MAKE_GLOBAL()s PAGE_KERNEL without asking the CPU; NX
            // survives in __supported_pte_mask only when the CPU has it (2.6.24's check_efer()).
            var pge = Config.Cpu.Pge || (Is64Bit && !Kernel.X86_64Paging!.ProbesPageSizes);
            Prot = new PageProtections(pge, (IsPae || Is64Bit) && Kernel.HasNx && Config.Cpu.Nx, Kernel.NoCacheBits);
            if (Is64Bit)
            {
                var inputs = PageTableInputs64();
                if (inputs.Gbpages)
                {
                    _bootLog.Add(new BootMessage(PrintkLevel.Info, "Using GB pages for direct mapping")); // probe_page_size_mask()
                }

                PageTables = PageTableBuilder64.Build(inputs, BootMem);
            }
            else
            {
                PageTables = PageTableBuilder.Build(PageTableInputs(), BootMem);
            }

            Memory = new PhysicalMemory(PhysicalMemoryInputsFor(), BootMem, _bootLog);
            LogApicMappings();
            LogHighmemZones();
            InitHighmem();
            PageTables?.MarkBooted();
            if (Kernel.PrintsMemInit && !Is64Bit)
            {
                LogMemInit();
            }

            if (Kernel.PrintsVirtualLayout && !Is64Bit)
            {
                // mem_init()'s one printk of the layout carries no KERN_ level.
                foreach (var line in LayoutPrintout.Lines(Layout, PageOffset + Kernel.PhysicalStart, Sections))
                {
                    _bootLog.Add(BootMessage.Unleveled(line));
                }
            }
        }

        /// <summary>
        /// FIXADDR_TOP after reserve_top_address(): -reserve - PAGE_SIZE (2.6.24), or -reserve rounded down
        /// to a PMD, less a page (6.x).
        /// </summary>
        private ulong FixaddrTop()
        {
            if (Config.Boot.ReserveTop is not { } reserve)
            {
                return Kernel.FixaddrTop;
            }

            var top = (uint)(0u - (uint)reserve);
            if (Kernel.ReserveTopRoundsToPmd)
            {
                top &= (uint)~((IsPae ? 1u << 21 : 1u << 22) - 1);
            }

            return (uint)(top - (uint)PageSize);
        }

        private PageTableBuilder.Inputs PageTableInputs()
        {
            var (pgDir, zeroPage) = Kernel.BootPages(Kernel.PhysicalStart, Config.KernelImageSize);
            return new PageTableBuilder.Inputs
            {
                Geometry = PagingGeometry.For(Architecture),
                Pae = IsPae,
                Pse = Config.Cpu.Pse,
                PageOffset = PageOffset,
                MaxLowPfn = MaxLowPfn,
                Prot = Prot,
                TableEntryFlags = Kernel.KernelTableEntryFlags,
                TextStart = Kernel.KernelTextFromText ? PageOffset + Kernel.PhysicalStart : PageOffset,
                InitEnd = PageOffset + Kernel.PhysicalStart + Sections.InitEnd,
                SwapperPgDir = pgDir,
                EmptyZeroPage = zeroPage,
                Layout = Layout,
                FixmapLowest = Layout.FixaddrTop - ((ulong)(Fixmaps.EndOfFixed - 1) << PageShift),
                TableGoal = Kernel.PageTablesFromBrk ? Kernel.PhysicalStart + Config.KernelImageSize : 0,
                ExactEnd = Kernel.DirectMapExactEnd,
            };
        }

        private PageTableBuilder64.Inputs PageTableInputs64()
        {
            var paging = Kernel.X86_64Paging!;
            var btmap = Fixmaps.IndexOf("FIX_BTMAP_BEGIN");
            return new PageTableBuilder64.Inputs
            {
                Profile = paging,
                PageOffset = PageOffset,
                RamEnd = UsableMemory,
                TextStart = Kernel.PhysicalStart64,
                ImageSize = Config.KernelImageSize,
                KernelTextSize = Kernel.X86_64Layout!.KernelTextSize,
                Prot = Prot,
                // probe_page_size_mask(): 2 MiB pages need PSE, and without PSE direct_gbpages is cleared too.
                Pse = Config.Cpu.Pse || !paging.ProbesPageSizes,
                Gbpages = paging.ProbesPageSizes && Config.Cpu.Pse && Config.Cpu.Gbpages,
                ExactEnd = Kernel.DirectMapExactEnd,
                TablesAfterImage = Kernel.PageTablesFromBrk,
                FixaddrTop = Layout.FixaddrTop,
                BtmapBegin = btmap,
            };
        }

        private PhysicalMemoryInputs PhysicalMemoryInputsFor()
        {
            var end = HighMem == HighMemSupport.None ? MaxLowPfn : HighEndPfn;
            var nodes = new List<(ulong Start, ulong End)>();
            // Nodes past what boot kept (max_pfn after trimming) shrink or drop out, as the early_node_map does.
            foreach (var node in Config.Nodes)
            {
                var start = node.Start >> PageShift;
                if (start < MaxPfn)
                {
                    nodes.Add((start, System.Math.Min(node.End >> PageShift, MaxPfn)));
                }
            }

            if (nodes.Count == 0)
            {
                nodes.Add((0, end));
            }

            var active = new List<(ulong Start, ulong End, int Nid)>();
            var ranges = ActiveRanges(end);
            foreach (var (nodeStart, nodeEnd) in nodes)
            {
                var nid = active.Count == 0 ? 0 : active[active.Count - 1].Nid + 1;
                if (ranges is null)
                {
                    active.Add((nodeStart, nodeEnd, nid));
                    continue;
                }

                // Each usable range, cut at node boundaries; a node without RAM drops out.
                foreach (var (start, stop) in ranges)
                {
                    var from = System.Math.Max(start, nodeStart);
                    var to = System.Math.Min(stop, nodeEnd);
                    if (from < to)
                    {
                        active.Add((from, to, nid));
                    }
                }
            }

            var numa = Config.Nodes.Count > 0;
            var flags = Kernel.PageFlags(Architecture, numa);
            return new PhysicalMemoryInputs
            {
                MaxLowPfn = MaxLowPfn,
                HighEndPfn = HighEndPfn,
                PageOffset = PageOffset,
                Model = Is64Bit ? MemoryModel.SparsememVmemmap : numa ? MemoryModel.Discontigmem : MemoryModel.Flatmem,
                Style = Kernel.ZoneInit,
                VmemmapBase = Is64Bit ? Kernel.VmemmapBase64 : null,
                StructPageSize = Config.StructPageSize ?? Kernel.StructPageSize(Architecture, HighMem != HighMemSupport.None),
                Flags = flags,
                ZoneTypes = Kernel.ZoneTypes(Architecture, HighMem != HighMemSupport.None),
                ActiveRanges = active,
                // MAX_ACTIVE_REGIONS: 256, or 50 per node of MAX_NUMNODES (1 << NODES_SHIFT) on NUMA.
                MaxActiveRegions = numa ? 50 << (Is64Bit ? 6 : 3) : 256,
                MigrateTypes = Kernel.MigrateTypes,
                RamRanges = _usable,
                Numa = numa,
                KernelCorePages = Config.Boot.KernelCore >> PageShift,
                MovableCorePages = Config.Boot.MovableCore >> PageShift,
                // pageblock_order = HUGETLB_PAGE_ORDER: 4 MiB pages without PAE, 2 MiB with PAE and on x86-64.
                PageblockPages = Architecture == Architecture.X86 ? 1024UL : 512UL,
                // SECTION_SIZE_BITS 27 on x86-64 (SPARSEMEM); i386 is FLATMEM, where every pfn below max_mapnr is valid.
                SectionPages = Is64Bit ? 1UL << (27 - PageShift) : 0,
            };
        }
    }
}
