using System.Collections.Generic;
using KernelVm.Fixmap;
using KernelVm.Highmem;
using KernelVm.Layout;

namespace KernelVm.Picture
{
    /// <summary>
    /// What a picture of a machine's virtual address space shows, read at one instant under kmap_lock:
    /// the layout's regions, pkmap_count[] with the page behind each slot, last_pkmap_nr, and the PTE of
    /// every fixmap index. The states are the model's; the pictures only draw them.
    /// </summary>
    public sealed class LayoutSnapshot
    {
        private readonly int[]? _pkmapCounts;
        private readonly ulong?[]? _pkmapPfns;
        private readonly List<FixmapSlot> _fixmaps = new();
        private readonly List<FixmapGroup> _fixmapGroups = new();

        private LayoutSnapshot(Machine machine)
        {
            MachineName = machine.Name;
            Summary = machine.Architecture + ", kernel " + machine.Kernel.Version + (machine.Is64Bit ? "" : ", " + machine.VmSplit)
                + ", " + SizeText.Exact(machine.Config.MemorySize) + " of RAM" + (machine.Is64Bit ? "" : ", " + HighMemOption(machine.HighMem));
            Is64Bit = machine.Is64Bit;
            Regions = machine.Layout.Regions;
            Overlaps = machine.Layout.Overlaps;
            FixaddrTop = machine.Layout.FixaddrTop;
            HasFixmapPtes = machine.PageTables is not null;

            if (machine.Pkmap is { } pkmap)
            {
                _pkmapCounts = new int[pkmap.LastPkmap];
                _pkmapPfns = new ulong?[pkmap.LastPkmap];
                for (var i = 0; i < pkmap.LastPkmap; i++)
                {
                    _pkmapCounts[i] = pkmap.Count(i);
                    _pkmapPfns[i] = pkmap.PfnAt(i);
                }

                PkmapBase = pkmap.Address(0);
                LastPkmapNr = pkmap.LastPkmapNr;
            }

            var fixmaps = machine.Fixmaps;
            for (var i = 0; i < fixmaps.EndOfFixed; i++)
            {
                _fixmaps.Add(machine.Fixmap(i));
            }

            // The enum's entries in index order, with the indices no entry names (alignment padding) between them.
            var next = 0;
            foreach (var range in fixmaps.Ranges)
            {
                AddPadding(next, range.FirstIndex, fixmaps.EndOfPermanent);
                _fixmapGroups.Add(new FixmapGroup(range.Count == 1 ? range.FirstName : range.FirstName + ".." + range.LastName,
                    range.FirstIndex, range.Count, range.BootTime));
                next = range.LastIndex + 1;
            }

            AddPadding(next, fixmaps.EndOfFixed, fixmaps.EndOfPermanent);
        }

        public string MachineName { get; }

        /// <summary>Architecture, kernel, split, RAM and high memory support, in one line.</summary>
        public string Summary { get; }

        public bool Is64Bit { get; }

        /// <summary>The layout's regions in address order (bottom to top).</summary>
        public IReadOnlyList<MemoryRegion> Regions { get; }

        /// <summary>The boot-time fixmap slots lie inside the vmalloc range (no CONFIG_HIGHMEM).</summary>
        public bool Overlaps { get; }

        /// <summary>pkmap_count[], or null without CONFIG_HIGHMEM.</summary>
        public IReadOnlyList<int>? PkmapCounts => _pkmapCounts;

        /// <summary>The page each slot's PTE maps, null where the PTE is none.</summary>
        public IReadOnlyList<ulong?>? PkmapPfns => _pkmapPfns;

        /// <summary>PKMAP_BASE (0 without CONFIG_HIGHMEM).</summary>
        public ulong PkmapBase { get; }

        /// <summary>last_pkmap_nr: the last slot handed out; the next search starts after it.</summary>
        public int LastPkmapNr { get; }

        /// <summary>Every fixmap index, 0 (at FIXADDR_TOP) first.</summary>
        public IReadOnlyList<FixmapSlot> Fixmaps => _fixmaps;

        /// <summary>The fixmap indices as the enum groups them, in index order.</summary>
        public IReadOnlyList<FixmapGroup> FixmapGroups => _fixmapGroups;

        public ulong FixaddrTop { get; }

        /// <summary>False on x86-64, whose page tables the model does not build: no fixmap can be set there.</summary>
        public bool HasFixmapPtes { get; }

        /// <summary>The pkmap state of a slot, as pkmap_count[] says.</summary>
        public PkmapSlotState PkmapState(int slot) => Pkmap.StateOf(_pkmapCounts![slot]);

        /// <summary>Reads the machine under kmap_lock, so that the picture shows one instant.</summary>
        public static LayoutSnapshot Of(Machine machine) => machine.Read(m => new LayoutSnapshot(m));

        /// <summary>The Kconfig symbol of the "High Memory Support" choice.</summary>
        private static string HighMemOption(Profiles.HighMemSupport choice) => choice switch
        {
            Profiles.HighMemSupport.None => "CONFIG_NOHIGHMEM",
            Profiles.HighMemSupport.HighMem4G => "CONFIG_HIGHMEM4G",
            _ => "CONFIG_HIGHMEM64G",
        };

        private void AddPadding(int from, int to, int endOfPermanent)
        {
            if (to > from)
            {
                _fixmapGroups.Add(new FixmapGroup("(alignment padding)", from, to - from, from >= endOfPermanent));
            }
        }
    }
}
