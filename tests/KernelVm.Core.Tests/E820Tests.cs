using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm.Core.Tests;

/// <summary>
/// Machines configured like the real boot logs in /work/shared/real-dmesg (their e820 maps written out
/// here) print the same e820 and zone lines. Where 6.17 prints something else than the 6.1 log,
/// docs/notes/6x-boot-lines.md says why and the test asserts the 6.17 value.
/// </summary>
public sealed class E820Tests
{
    private static E820Entry Ram(ulong start, ulong end) => new(start, end - start, E820Type.Ram);

    private static E820Entry Reserved(ulong start, ulong end, E820Type type = E820Type.Reserved) => new(start, end - start, type);

    private static List<string> Log(Machine m) => m.BootLog.Select(l => l.Text).ToList();

    /// <summary>The lines appear in the log in this order (other lines may come between).</summary>
    private static void AssertInOrder(IReadOnlyList<string> log, params string[] expected)
    {
        var at = 0;
        foreach (var line in expected)
        {
            var found = -1;
            for (var i = at; i < log.Count; i++)
            {
                if (log[i] == line)
                {
                    found = i;
                    break;
                }
            }

            Assert.True(found >= 0, "missing, or out of order: \"" + line + "\"\nlog:\n" + string.Join("\n", log));
            at = found + 1;
        }
    }

    // 01-hardy-2.6.24-19-generic-1280MB.txt
    private static readonly E820Entry[] Hardy1280 =
    {
        Ram(0, 0x9fc00), Reserved(0x9fc00, 0xa0000), Reserved(0xe0000, 0x100000), Ram(0x100000, 0x4ffb0000),
        Reserved(0x4ffb0000, 0x4ffbe000, E820Type.Acpi), Reserved(0x4ffbe000, 0x4fff0000, E820Type.Nvs),
        Reserved(0x4fff0000, 0x50000000), Reserved(0xffb80000, 0x100000000),
    };

    [Fact]
    public void Hardy_1280MB_prints_its_map_zones_and_totals()
    {
        var m = Machine.Boot(new MachineConfig { E820 = Hardy1280, Options = KernelConfig.R2 with { NrCpus = 2 } });
        Assert.Equal(0x4ffb0000UL - 0x100000 + 0x9fc00, m.Config.MemorySize);
        AssertInOrder(Log(m),
            "BIOS-provided physical RAM map:",
            " BIOS-e820: 0000000000000000 - 000000000009fc00 (usable)",
            " BIOS-e820: 000000000009fc00 - 00000000000a0000 (reserved)",
            " BIOS-e820: 00000000000e0000 - 0000000000100000 (reserved)",
            " BIOS-e820: 0000000000100000 - 000000004ffb0000 (usable)",
            " BIOS-e820: 000000004ffb0000 - 000000004ffbe000 (ACPI data)",
            " BIOS-e820: 000000004ffbe000 - 000000004fff0000 (ACPI NVS)",
            " BIOS-e820: 000000004fff0000 - 0000000050000000 (reserved)",
            " BIOS-e820: 00000000ffb80000 - 0000000100000000 (reserved)",
            "383MB HIGHMEM available.",
            "896MB LOWMEM available.",
            "Entering add_active_range(0, 0, 327600) 0 entries of 256 used",
            "Zone PFN ranges:",
            "  DMA             0 ->     4096",
            "  Normal       4096 ->   229376",
            "  HighMem    229376 ->   327600",
            "Movable zone start PFN for each node",
            "early_node_map[1] active PFN ranges",
            "    0:        0 ->   327600",
            "On node 0 totalpages: 327600",
            "  DMA zone: 32 pages used for memmap",
            "  DMA zone: 0 pages reserved",
            "  DMA zone: 4064 pages, LIFO batch:0",
            "  Normal zone: 1760 pages used for memmap",
            "  Normal zone: 223520 pages, LIFO batch:31",
            "  HighMem zone: 767 pages used for memmap",
            "  HighMem zone: 97457 pages, LIFO batch:31",
            "  Movable zone: 0 pages used for memmap",
            "Built 1 zonelists in Zone order, mobility grouping on.  Total pages: 325041",
            "mapped APIC to ffffb000 (fee00000)",
            "mapped IOAPIC to ffffa000 (fec00000)");
    }

    // mem_init(): num_physpages, highmem and the sections come out as the log's (1310400k, 392896k, 2177k, 1006k, 368k);
    // reserved and available depend on what boot reserved, which in the model is page 0, the trampoline, a 4 MiB
    // image, mem_map and the page tables (the real kernel also holds the initrd, hash tables, percpu areas...).
    [Fact]
    public void Hardy_1280MB_mem_init_line_counts_RAM_only()
    {
        var m = Machine.Boot(new MachineConfig { E820 = Hardy1280, Options = KernelConfig.R2 with { NrCpus = 2 } });
        var line = Assert.Single(Log(m), l => l.StartsWith("Memory: ", StringComparison.Ordinal));
        var reservedPages = m.Reserved.Where(r => r.Owner != "e820 hole").Sum(r => (long)((r.End + 0xfff) / 0x1000 - r.Start / 0x1000));
        var lowRam = 0x9fL + (0x38000L - 0x100);                         // page_is_ram(): 0x9f is a partial page, 0xa0-0xff a hole
        var free = lowRam - reservedPages + 98224;
        Assert.Equal($"Memory: {free * 4}k/1310400k available (2177k kernel code, {reservedPages * 4}k reserved, 1006k data, 368k init, 392896k highmem)", line);
        Assert.Contains("PG_reserved", m.Memory.GetPage(0xa0).FlagNames);  // the hole's struct pages stay reserved
        m.Kmap(null, 0x40000);
        Assert.Empty(m.CheckConsistency());
        var copy = m.Copy("hardy-copy");
        Assert.Equal(m.Config.E820, copy.Config.E820);
        Assert.Equal("virtual kernel memory layout:", Log(m)[Log(m).IndexOf(line) + 1]);
    }

    [Fact]
    public void Hardy_PAE_4_75GB_keeps_the_PCI_hole_inside_HighMem()
    {
        var map = new[]
        {
            Ram(0, 0x9e800), Reserved(0x9f800, 0xa0000), Reserved(0xf0000, 0x100000), Ram(0x100000, 0xcfeb0000),
            Reserved(0xcfeb0000, 0xcfee2000, E820Type.Nvs), Reserved(0xcfee2000, 0xcfef0000, E820Type.Acpi),
            Reserved(0xcfef0000, 0xcff00000), Reserved(0xe0000000, 0xe4000000), Reserved(0xfec00000, 0x100000000),
            Ram(0x100000000, 0x130000000),
        };
        var m = Machine.Boot(new MachineConfig
        {
            E820 = map, Architecture = Architecture.X86Pae, HighMem = HighMemSupport.HighMem64G, Options = KernelConfig.R2 with { NrCpus = 4 },
        });
        AssertInOrder(Log(m),
            " BIOS-e820: 0000000000000000 - 000000000009e800 (usable)",
            " BIOS-e820: 00000000cfeb0000 - 00000000cfee2000 (ACPI NVS)",
            " BIOS-e820: 0000000100000000 - 0000000130000000 (usable)",
            "3968MB HIGHMEM available.",
            "896MB LOWMEM available.",
            "Entering add_active_range(0, 0, 1245184) 0 entries of 256 used",
            "  HighMem    229376 ->  1245184",
            "    0:        0 ->  1245184",
            "On node 0 totalpages: 1245184",
            "  HighMem zone: 7936 pages used for memmap",
            "  HighMem zone: 1007872 pages, LIFO batch:31",
            "Built 1 zonelists in Zone order, mobility grouping on.  Total pages: 1235456",
            "mapped APIC to ffffb000 (fee00000)",
            "mapped IOAPIC to ffffa000 (fec00000)");
        Assert.Contains("PG_reserved", m.Memory.GetPage(0xd0000).FlagNames);    // the PCI hole inside HighMem
        Assert.DoesNotContain("PG_reserved", m.Memory.GetPage(0x100000).FlagNames);
    }

    [Fact]
    public void Linux_2_4_19_1GB_sizes_its_zones_from_the_last_usable_range()
    {
        var map = new[]
        {
            Ram(0, 0x9fc00), Reserved(0x9fc00, 0xa0000), Reserved(0xf0000, 0x100000), Ram(0x100000, 0x3ffec000),
            Reserved(0x3ffec000, 0x3ffef000, E820Type.Acpi), Reserved(0x3ffef000, 0x3ffff000), Reserved(0x3ffff000, 0x40000000, E820Type.Nvs),
            Reserved(0xfec00000, 0xfec01000), Reserved(0xfee00000, 0xfee01000), Reserved(0xffff0000, 0x100000000),
        };
        var m = Machine.Boot(new MachineConfig { E820 = map, Kernel = KernelProfile.V2_4_22 });
        AssertInOrder(Log(m),
            "BIOS-provided physical RAM map:",
            " BIOS-e820: 0000000000000000 - 000000000009fc00 (usable)",
            " BIOS-e820: 000000003ffff000 - 0000000040000000 (ACPI NVS)",
            " BIOS-e820: 00000000ffff0000 - 0000000100000000 (reserved)",
            "127MB HIGHMEM available.",
            "896MB LOWMEM available.",
            "On node 0 totalpages: 262124",
            "zone(0): 4096 pages.",
            "zone(1): 225280 pages.",
            "zone(2): 32748 pages.");
        Assert.Matches(@"^Memory: \d+k/1048496k available \(\d+k kernel code, \d+k reserved, \d+k data, \d+k init, 130992k highmem\)$",
            Log(m).Single(l => l.StartsWith("Memory:", StringComparison.Ordinal)));
        Assert.DoesNotContain(Log(m), l => l.StartsWith("Built", StringComparison.Ordinal) || l.StartsWith("mapped", StringComparison.Ordinal));
    }

    // m02-6.1.0-rc6-x86_64-2GB-qemu-seabios.txt
    [Fact]
    public void Qemu_x86_64_2GB_registers_each_usable_range_from_pfn_1()
    {
        var map = new[]
        {
            Ram(0, 0x9fc00), Reserved(0x9fc00, 0xa0000), Reserved(0xf0000, 0x100000), Ram(0x100000, 0x7ffe0000),
            Reserved(0x7ffe0000, 0x80000000), Reserved(0xfeffc000, 0xff000000), Reserved(0xfffc0000, 0x100000000),
        };
        var m = Machine.Boot(new MachineConfig { E820 = map, Kernel = KernelProfile.V6, Architecture = Architecture.X86_64, Options = KernelConfig.R2 with { NrCpus = 2 } });
        var log = Log(m);
        AssertInOrder(log,
            "BIOS-provided physical RAM map:",
            "BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable",
            "BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved",
            "BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved",
            "BIOS-e820: [mem 0x0000000000100000-0x000000007ffdffff] usable",
            "BIOS-e820: [mem 0x000000007ffe0000-0x000000007fffffff] reserved",
            "BIOS-e820: [mem 0x00000000feffc000-0x00000000feffffff] reserved",
            "BIOS-e820: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved",
            "e820: update [mem 0x00000000-0x00000fff] usable ==> reserved",
            "e820: remove [mem 0x000a0000-0x000fffff] usable",
            "last_pfn = 0x7ffe0 max_arch_pfn = 0x400000000",
            "Zone ranges:",
            "  DMA      [mem 0x0000000000001000-0x0000000000ffffff]",
            "  DMA32    [mem 0x0000000001000000-0x000000007ffdffff]",
            "  Normal   empty",
            "  Device   empty",
            "Movable zone start for each node",
            "Early memory node ranges",
            "  node   0: [mem 0x0000000000001000-0x000000000009efff]",
            "  node   0: [mem 0x0000000000100000-0x000000007ffdffff]",
            "Initmem setup node 0 [mem 0x0000000000001000-0x000000007ffdffff]",
            "On node 0, zone DMA: 1 pages in unavailable ranges",
            "On node 0, zone DMA: 97 pages in unavailable ranges",
            "On node 0, zone DMA32: 32 pages in unavailable ranges",
            // 6.1 printed 515808 (present less memmap and dma_reserve); 6.17 counts the present pages.
            "Built 1 zonelists, mobility grouping on.  Total pages: 524158");
        Assert.Equal(1UL, m.Memory.Zones[0].StartPfn);
        Assert.DoesNotContain(log, l => l.StartsWith("On node 0 totalpages", StringComparison.Ordinal));   // pr_debug() in 6.x
    }

    // m02 is a NUMA kernel with one node: build_zonelists() prints the fallback order, then the policy zone.
    [Fact]
    public void Qemu_x86_64_2GB_as_one_NUMA_node_prints_the_fallback_order_and_policy_zone()
    {
        var map = new[] { Ram(0, 0x9fc00), Reserved(0x9fc00, 0xa0000), Ram(0x100000, 0x7ffe0000) };
        var m = Machine.Boot(new MachineConfig
        {
            E820 = map, Kernel = KernelProfile.V6, Architecture = Architecture.X86_64, Nodes = new[] { new NodeRange(0, 0x7ffe0000) },
        });
        AssertInOrder(Log(m), "Fallback order for Node 0: 0 ", "Built 1 zonelists, mobility grouping on.  Total pages: 524158", "Policy zone: DMA32");
    }

    // m05-6.14.0-37-generic-x86_64-16GB-X99.txt (the map as e820 printed it, before EFI removed two reserved ranges)
    [Fact]
    public void X99_16GB_counts_holes_only_in_present_sections()
    {
        var map = new[]
        {
            Ram(0, 0xa0000), Ram(0x100000, 0x39020000), Reserved(0x39020000, 0x39d7e000), Reserved(0x39d7e000, 0x39d8e000, E820Type.Acpi),
            Reserved(0x39d8e000, 0x3abda000, E820Type.Nvs), Reserved(0x3abda000, 0x3b5bf000), Ram(0x3b5bf000, 0x3b5c0000),
            Reserved(0x3b5c0000, 0x3b646000), Ram(0x3b646000, 0x3c000000), Reserved(0x3c000000, 0x3e000000),
            Reserved(0x40000000, 0x50000000), Reserved(0xfed1c000, 0xfed45000), Reserved(0xff000000, 0x100000000),
            Ram(0x100000000, 0x4c0000000),
        };
        var m = Machine.Boot(new MachineConfig { E820 = map, Kernel = KernelProfile.V6, Architecture = Architecture.X86_64, Options = KernelConfig.R2 with { NrCpus = 12 } });
        AssertInOrder(Log(m),
            "BIOS-e820: [mem 0x0000000000000000-0x000000000009ffff] usable",
            "BIOS-e820: [mem 0x0000000039d7e000-0x0000000039d8dfff] ACPI data",
            "BIOS-e820: [mem 0x0000000039d8e000-0x000000003abd9fff] ACPI NVS",
            "BIOS-e820: [mem 0x0000000100000000-0x00000004bfffffff] usable",
            "e820: update [mem 0x00000000-0x00000fff] usable ==> reserved",
            "e820: remove [mem 0x000a0000-0x000fffff] usable",
            "last_pfn = 0x4c0000 max_arch_pfn = 0x400000000",
            "last_pfn = 0x3c000 max_arch_pfn = 0x400000000",
            "Zone ranges:",
            "  DMA      [mem 0x0000000000001000-0x0000000000ffffff]",
            "  DMA32    [mem 0x0000000001000000-0x00000000ffffffff]",
            "  Normal   [mem 0x0000000100000000-0x00000004bfffffff]",
            "  Device   empty",
            "Movable zone start for each node",
            "Early memory node ranges",
            "  node   0: [mem 0x0000000000001000-0x000000000009ffff]",
            "  node   0: [mem 0x0000000000100000-0x000000003901ffff]",
            "  node   0: [mem 0x000000003b5bf000-0x000000003b5bffff]",
            "  node   0: [mem 0x000000003b646000-0x000000003bffffff]",
            "  node   0: [mem 0x0000000100000000-0x00000004bfffffff]",
            "Initmem setup node 0 [mem 0x0000000000001000-0x00000004bfffffff]",
            "On node 0, zone DMA: 1 pages in unavailable ranges",
            "On node 0, zone DMA: 96 pages in unavailable ranges",
            "On node 0, zone DMA32: 9631 pages in unavailable ranges",
            "On node 0, zone DMA32: 134 pages in unavailable ranges",
            "On node 0, zone Normal: 16384 pages in unavailable ranges",
            "Built 1 zonelists, mobility grouping on.  Total pages: 4168058");
    }

    // m10-6.1.0-2-686-pae-i686-PAE-5GB-Toshiba.txt
    private static readonly E820Entry[] Toshiba5GB =
    {
        Ram(0, 0x9f400), Reserved(0x9f400, 0xa0000), Reserved(0xd2000, 0xd4000), Reserved(0xdc000, 0x100000),
        Ram(0x100000, 0xb5aa1000), Reserved(0xb5aa1000, 0xb5aa7000), Ram(0xb5aa7000, 0xb5bba000), Reserved(0xb5bba000, 0xb5c0f000),
        Ram(0xb5c0f000, 0xb5d08000), Reserved(0xb5d08000, 0xb5f0f000), Ram(0xb5f0f000, 0xb5f18000), Reserved(0xb5f18000, 0xb5f1f000),
        Ram(0xb5f1f000, 0xb5f65000), Reserved(0xb5f65000, 0xb5f9f000, E820Type.Nvs), Ram(0xb5f9f000, 0xb5fe1000),
        Reserved(0xb5fe1000, 0xb5fff000, E820Type.Acpi), Ram(0xb5fff000, 0xb6000000), Ram(0x100000000, 0x140000000),
    };

    [Fact]
    public void Toshiba_PAE_5GB_prints_every_hole_below_4GiB()
    {
        var m = Machine.Boot(new MachineConfig
        {
            E820 = Toshiba5GB, Kernel = KernelProfile.V6, Architecture = Architecture.X86Pae, Options = KernelConfig.R2 with { NrCpus = 32 },
        });
        var log = Log(m);
        AssertInOrder(log,
            "BIOS-e820: [mem 0x0000000000000000-0x000000000009f3ff] usable",
            "BIOS-e820: [mem 0x00000000000d2000-0x00000000000d3fff] reserved",
            "BIOS-e820: [mem 0x0000000100000000-0x000000013fffffff] usable",
            "e820: update [mem 0x00000000-0x00000fff] usable ==> reserved",
            "e820: remove [mem 0x000a0000-0x000fffff] usable",
            "last_pfn = 0x140000 max_arch_pfn = 0x1000000",
            // 6.17 has no HIGHMEM64G: RAM above 4 GiB is cut (the 6.1 log has 4240MB HIGHMEM and a HighMem zone to 0x13fffffff).
            "Warning: only 4GB will be used. Support for CONFIG_HIGHMEM64G was removed!",
            "879MB LOWMEM available.",
            "Zone ranges:",
            "  DMA      [mem 0x0000000000001000-0x0000000000ffffff]",
            "  Normal   [mem 0x0000000001000000-0x0000000036ffdfff]",
            "  HighMem  [mem 0x0000000036ffe000-0x00000000ffffffff]",
            "Movable zone start for each node",
            "Early memory node ranges",
            "  node   0: [mem 0x0000000000001000-0x000000000009efff]",
            "  node   0: [mem 0x0000000000100000-0x00000000b5aa0fff]",
            "  node   0: [mem 0x00000000b5aa7000-0x00000000b5bb9fff]",
            "  node   0: [mem 0x00000000b5c0f000-0x00000000b5d07fff]",
            "  node   0: [mem 0x00000000b5f0f000-0x00000000b5f17fff]",
            "  node   0: [mem 0x00000000b5f1f000-0x00000000b5f64fff]",
            "  node   0: [mem 0x00000000b5f9f000-0x00000000b5fe0fff]",
            "  node   0: [mem 0x00000000b5fff000-0x00000000b5ffffff]",
            "Initmem setup node 0 [mem 0x0000000000001000-0x00000000b5ffffff]",
            "On node 0, zone DMA: 1 pages in unavailable ranges",
            "On node 0, zone DMA: 97 pages in unavailable ranges",
            "On node 0, zone HighMem: 6 pages in unavailable ranges",
            "On node 0, zone HighMem: 85 pages in unavailable ranges",
            "On node 0, zone HighMem: 519 pages in unavailable ranges",
            "On node 0, zone HighMem: 7 pages in unavailable ranges",
            "On node 0, zone HighMem: 58 pages in unavailable ranges",
            "On node 0, zone HighMem: 30 pages in unavailable ranges",
            "Built 1 zonelists, mobility grouping on.  Total pages: 744669",
            "Initializing Movable for node 0 (00000000:00000000)");
        // set_highmem_pages_init(): where HighMem ends depends on whether memblock keeps the RAM above the
        // 4 GiB cut (docs/notes/6x-boot-lines.md); the 6.1 log has 00036ffe:00140000.
        Assert.Single(log, l => l.StartsWith("Initializing HighMem for node 0 (00036ffe:", StringComparison.Ordinal));
    }

    // 2.4.22 free_area_init_core(): a non-empty zone must start on a 1024-page (MAX_ORDER) block.
    [Fact]
    public void A_2_4_HighMem_zone_that_starts_off_a_MAX_ORDER_block_is_a_BUG_line()
    {
        var log = Log(Machine.Boot(new MachineConfig { MemorySize = 512UL << 20, Kernel = KernelProfile.V2_4_22, Boot = BootOptions.Parse("highmem=1M") }));
        AssertInOrder(log, "zone(1): 126720 pages.", "zone(2): 256 pages.", "BUG: wrong zone alignment, it will crash");
        var aligned = Log(Machine.Boot(new MachineConfig { MemorySize = 1UL << 30, Kernel = KernelProfile.V2_4_22 }));
        Assert.DoesNotContain("BUG: wrong zone alignment, it will crash", aligned);
    }

    // mem= (2.6.24 arch/x86/kernel/e820_32.c parse_mem() -> limit_regions()).
    [Fact]
    public void Mem_cuts_the_2_6_24_map_and_prints_it_before_and_after()
    {
        var m = Machine.Boot(new MachineConfig { E820 = Hardy1280, Boot = BootOptions.Parse("mem=512M") });
        AssertInOrder(Log(m),
            " BIOS-e820: 00000000ffb80000 - 0000000100000000 (reserved)",
            " limit_regions start: 0000000000000000 - 000000000009fc00 (usable)",
            " limit_regions start: 00000000ffb80000 - 0000000100000000 (reserved)",
            " limit_regions endfor: 0000000000000000 - 000000000009fc00 (usable)",
            " limit_regions endfor: 00000000000e0000 - 0000000000100000 (reserved)",
            " limit_regions endfor: 0000000000100000 - 0000000020000000 (usable)",
            "user-defined physical RAM map:",
            " user: 0000000000100000 - 0000000020000000 (usable)",
            "0MB HIGHMEM available.",
            "512MB LOWMEM available.");
        Assert.DoesNotContain(Log(m), l => l.StartsWith(" user: 000000004ffb0000", StringComparison.Ordinal));
        Assert.Equal(0x20000UL, m.MaxPfn);
    }

    // 6.x parse_memopt(): e820__range_remove(mem, ULLONG_MAX - mem, E820_TYPE_RAM), then e820__finish_early_params().
    [Fact]
    public void Mem_removes_usable_RAM_above_it_in_6x_and_keeps_reserved_entries()
    {
        var m = Machine.Boot(new MachineConfig { E820 = Hardy1280, Kernel = KernelProfile.V6, Architecture = Architecture.X86_64, Boot = BootOptions.Parse("mem=1G") });
        AssertInOrder(Log(m),
            "BIOS-e820: [mem 0x0000000000100000-0x000000004ffaffff] usable",
            "e820: remove [mem 0x40000000-0xfffffffffffffffe] usable",
            "user-defined physical RAM map:",
            "user: [mem 0x0000000000100000-0x000000003fffffff] usable",
            "user: [mem 0x000000004ffb0000-0x000000004ffbdfff] ACPI data",
            "user: [mem 0x00000000ffb80000-0x00000000ffffffff] reserved",
            "e820: update [mem 0x00000000-0x00000fff] usable ==> reserved",
            "last_pfn = 0x40000 max_arch_pfn = 0x400000000");
    }

    [Fact]
    public void Mem_in_a_hole_breaks_2_4_22s_limit_regions()
    {
        var e = Assert.Throws<KernelVmException>(() => Machine.Boot(new MachineConfig
        {
            E820 = new[] { Ram(0, 0x9fc00), Ram(0x100000, 0x4000000), Ram(0x8000000, 0x10000000) },
            Kernel = KernelProfile.V2_4_22, Boot = BootOptions.Parse("mem=96M"),
        }));
        Assert.Equal(Errors.BootOptionInvalid, e.ErrorId);
        var m = Machine.Boot(new MachineConfig { E820 = new[] { Ram(0, 0x9fc00), Ram(0x100000, 0x4000000) }, Kernel = KernelProfile.V2_4_22, Boot = BootOptions.Parse("mem=48M") });
        AssertInOrder(Log(m), "user-defined physical RAM map:", " user: 0000000000100000 - 0000000003000000 (usable)");
        Assert.DoesNotContain(Log(m), l => l.StartsWith(" limit_regions", StringComparison.Ordinal));
    }

    [Fact]
    public void Mem_without_a_map_caps_MemorySize()
    {
        Assert.Equal(0x18000UL, Machine.Boot(new MachineConfig { MemorySize = 1UL << 30, Boot = BootOptions.Parse("mem=384M") }).MaxPfn);
        var e = Assert.Throws<KernelVmException>(() => Machine.Boot(new MachineConfig { Boot = BootOptions.Parse("mem=16M") }));
        Assert.Equal(Errors.BootOptionInvalid, e.ErrorId);
    }

    // 2.6.24 find_zone_movable_pfns_for_nodes(): kernelcore= keeps lowmem and 16384 highmem pages for the kernel.
    [Fact]
    public void Kernelcore_carves_ZONE_MOVABLE_from_the_top_of_HighMem()
    {
        var m = Machine.Boot(new MachineConfig { MemorySize = 1UL << 30, Boot = BootOptions.Parse("kernelcore=960M") });
        AssertInOrder(Log(m),
            "Movable zone start PFN for each node",
            "  Node 0: 245760",
            "  HighMem zone: 128 pages used for memmap",
            "  HighMem zone: 16256 pages, LIFO batch:3",
            "  Movable zone: 128 pages used for memmap",
            "  Movable zone: 16256 pages, LIFO batch:3",
            "Built 1 zonelists in Zone order, mobility grouping on.  Total pages: 260096");
        var movable = m.Memory.ZoneOf(250000);
        Assert.Equal((ZoneType.Movable, 245760UL, true), (movable.Type, movable.StartPfn, movable.IsHighMem));
        Assert.NotEqual(Highmem.KmapStatus.Lowmem, m.Kmap(null, 250000).Status);   // a movable highmem page needs kmap_high()
    }

    [Fact]
    public void Kernelcore_below_lowmem_makes_all_of_HighMem_movable_and_2_4_22_has_none()
    {
        var m = Machine.Boot(new MachineConfig { MemorySize = 1UL << 30, Boot = BootOptions.Parse("kernelcore=512M") });
        AssertInOrder(Log(m), "  Node 0: 229376", "  HighMem zone: 0 pages used for memmap", "  Movable zone: 32512 pages, LIFO batch:7");
        var e = Assert.Throws<KernelVmException>(() => Machine.Boot(new MachineConfig { Kernel = KernelProfile.V2_4_22, Boot = BootOptions.Parse("movablecore=64M") }));
        Assert.Equal(Errors.BootOptionNotInKernel, e.ErrorId);
    }

    // 6.x: movablecore= becomes the kernelcore it leaves; ZONE_MOVABLE is carved from DMA32 when Normal is empty.
    [Fact]
    public void Movablecore_on_6x_x86_64_starts_ZONE_MOVABLE_inside_DMA32()
    {
        var map = new[] { Ram(0, 0x9fc00), Reserved(0x9fc00, 0xa0000), Ram(0x100000, 0x7ffe0000) };
        var m = Machine.Boot(new MachineConfig { E820 = map, Kernel = KernelProfile.V6, Architecture = Architecture.X86_64, Boot = BootOptions.Parse("movablecore=512M") });
        AssertInOrder(Log(m), "Movable zone start for each node", "  Node 0: 0x0000000060000000", "Early memory node ranges");
        Assert.Equal((0x60000UL, 0x7ffe0UL - 0x60000), (m.Memory.ZoneOf(0x70000).StartPfn, m.Memory.ZoneOf(0x70000).SpannedPages));
        Assert.Equal(ZoneType.DMA32, m.Memory.ZoneOf(0x5ffff).Type);
    }

    [Fact]
    public void Without_a_map_RAM_is_one_range_from_0_and_nothing_is_printed_for_it()
    {
        var m = Machine.Boot(new MachineConfig { MemorySize = 1UL << 30, Kernel = KernelProfile.V6 });
        Assert.DoesNotContain(Log(m), l => l.Contains("e820", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0UL, m.Memory.Zones[0].StartPfn);
    }

    [Fact]
    public void The_map_is_sorted_and_MemorySize_is_its_usable_total()
    {
        var m = Machine.Boot(new MachineConfig { E820 = new[] { Ram(0x100000, 0x4000000), Ram(0, 0x9fc00) } });
        Assert.Equal(new ulong[] { 0, 0x100000 }, m.Config.E820!.Select(e => e.Start));
        Assert.Equal(0x4000000UL - 0x100000 + 0x9fc00, m.Config.MemorySize);
        Assert.Equal(0x4000UL, m.MaxPfn);

        // Neighbours of one type are one entry, as sanitize_e820_map() leaves them: no page is lost at 0x2a534018.
        var split = Machine.Boot(new MachineConfig { E820 = new[] { Ram(0, 0x9fc00), Ram(0x100000, 0x2a534018), Ram(0x2a534018, 0x39020000) } });
        Assert.Equal(2, split.Config.E820!.Count);
        Assert.Equal(0x39020UL, split.MaxPfn);
    }

    public static TheoryData<E820Entry[], string> BadMaps => new()
    {
        { new[] { Ram(0, 0x9fc00), new E820Entry(0x100000, 0, E820Type.Ram) }, Errors.E820EntryEmpty },
        { new[] { Ram(0, 0x4000000), Ram(0x3000000, 0x5000000) }, Errors.E820EntriesOverlap },
        { new[] { Ram(0, 0x4000000), new E820Entry(0xFFFFFFFFFFFFF000, 0x2000, E820Type.Reserved) }, Errors.E820EntryBeyondAddressSpace },
        { new[] { Reserved(0, 0x4000000) }, Errors.E820NoUsableRam },
        { new[] { Ram(0x100, 0xfff) }, Errors.E820NoUsableRam },
        { Array.Empty<E820Entry>(), Errors.E820NoUsableRam },
    };

    [Theory]
    [MemberData(nameof(BadMaps))]
    public void Bad_maps_are_refused_with_their_own_error(E820Entry[] map, string errorId)
    {
        var e = Assert.Throws<KernelVmException>(() => Machine.Boot(new MachineConfig { E820 = map }));
        Assert.Equal(errorId, e.ErrorId);
    }

    [Fact]
    public void The_machine_file_keeps_the_map_and_the_struct_page_size()
    {
        var map = Hardy1280.Append(new E820Entry(0xfee00000, 0x1000, (E820Type)6)).ToArray();
        var m = Machine.Boot(new MachineConfig { E820 = map, StructPageSize = 56 });
        using var stream = new System.IO.MemoryStream();
        State.MachineFile.Write(m, stream);
        var json = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\"type\":\"Acpi\"", json.Replace(" ", ""));
        var back = State.MachineFile.Read(new System.IO.MemoryStream(stream.ToArray()));
        Assert.Equal(m.Config.E820, back.Config.E820);
        Assert.Equal(56UL, back.Memory.StructPageSize);
        Assert.Equal(m.Config.MemorySize, back.Config.MemorySize);
        Assert.Contains(" BIOS-e820: 00000000fee00000 - 00000000fee01000 (type 6)", Log(back));
    }

    // A debug 2.6.24 build (struct page of 56 bytes on i386) takes more memmap off each zone.
    [Fact]
    public void A_bigger_struct_page_takes_more_memmap()
    {
        var m = Machine.Boot(new MachineConfig { E820 = Hardy1280, StructPageSize = 56 });
        AssertInOrder(Log(m), "  DMA zone: 56 pages used for memmap", "  Normal zone: 3080 pages used for memmap", "  HighMem zone: 1342 pages used for memmap");
    }

    [Fact]
    public void A_map_with_too_little_RAM_is_refused_like_a_small_MemorySize()
    {
        var e = Assert.Throws<KernelVmException>(() => Machine.Boot(new MachineConfig { E820 = new[] { Ram(0, 0x9fc00), Ram(0x100000, 0x1000000) } }));
        Assert.Equal(Errors.MemorySizeInvalid, e.ErrorId);
    }
}
