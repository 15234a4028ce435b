using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm.Core.Tests;

/// <summary>Zones, nodes and mem_map against kernel-model.md §6.</summary>
public sealed class PhysicalMemoryTests
{
    private const ulong GiB = 1UL << 30;

    private static Machine Boot(ulong memory, Architecture arch = Architecture.X86, KernelProfile? kernel = null, IReadOnlyList<NodeRange>? nodes = null) =>
        Machine.Boot(new MachineConfig { MemorySize = memory, Architecture = arch, Kernel = kernel ?? KernelProfile.V2_6_24, Nodes = nodes ?? Array.Empty<NodeRange>() });

    [Fact]
    public void Three_G_split_zones_are_DMA_Normal_HighMem()
    {
        var zones = Boot(2 * GiB).Memory.Zones;
        Assert.Equal(new[] { "DMA", "Normal", "HighMem", "Movable" }, zones.Select(z => z.Name));
        Assert.Equal((0UL, 0x1000UL), (zones[0].StartPfn, zones[0].EndPfn));
        Assert.Equal((0x1000UL, 0x38000UL), (zones[1].StartPfn, zones[1].EndPfn));
        Assert.Equal((0x38000UL, 0x80000UL), (zones[2].StartPfn, zones[2].EndPfn));
        Assert.Equal(0UL, zones[3].SpannedPages);
    }

    [Fact]
    public void Memmap_pages_come_off_each_zone_and_are_logged()
    {
        var m = Boot(2 * GiB);
        var dma = m.Memory.Zones[0];
        Assert.Equal(32UL, dma.MemmapPages);               // 4096 pages x 32 bytes
        Assert.Equal(4064UL, dma.PresentPages);
        Assert.Equal(0UL, dma.LifoBatch);
        var normal = m.Memory.Zones[1];
        Assert.Equal(1760UL, normal.MemmapPages);           // 225280 x 32 / 4096
        Assert.Equal(31UL, normal.LifoBatch);
        var log = m.BootLog.Select(l => l.Text).ToList();
        Assert.Contains("  DMA zone: 32 pages used for memmap", log);
        Assert.Contains("  DMA zone: 0 pages reserved", log);
        Assert.Contains("  DMA zone: 4064 pages, LIFO batch:0", log);
        Assert.Contains("  Normal       4096 ->   229376", log);
        Assert.Contains("    0:        0 ->   524288", log);
    }

    [Fact]
    public void Mem_map_lands_at_the_bootmem_goal_of_16MiB()
    {
        var m = Boot(2 * GiB);
        Assert.Equal(0xC1000000UL, m.Memory.MemMap);
        Assert.Equal(0x1000000UL, m.Memory.Nodes[0].MemMapPhysical);
        Assert.Equal(0xC1000000UL + 0x38000UL * 32, m.Memory.PfnToPage(0x38000));
        Assert.Equal(0xC1000000UL + 0x1000UL * 32, m.Memory.Zones[1].ZoneMemMap);
        Assert.Equal(0x38000UL, m.Memory.PageToPfn(0xC1000000UL + 0x38000UL * 32));
        Assert.Null(m.Memory.PageToPfn(0xC1000000UL + 4));
    }

    [Fact]
    public void Page_descriptors_carry_zone_bits_and_reserved_state()
    {
        var m = Boot(2 * GiB);
        var kernelPage = m.Memory.GetPage(0x100);
        Assert.Equal(1UL << 10, kernelPage.Flags);                  // ZONE_DMA (0) in bits 30-31, PG_reserved
        Assert.Equal(1UL << 30, m.Memory.GetPage(0x2000).Flags);     // ZONE_NORMAL, free
        Assert.Equal(new[] { "PG_reserved" }, kernelPage.FlagNames);
        Assert.Equal(1, kernelPage.Count);
        var high = m.Memory.GetPage(0x40000);
        Assert.Equal(2UL << 30, high.Flags);
        Assert.Equal(0, high.Count);
        Assert.Equal(-1, high.MapCount);
        Assert.Contains("PG_reserved", m.Memory.GetPage(0x1000).FlagNames); // mem_map itself
        Assert.Equal(Errors.PfnOutOfRange, Assert.Throws<KernelVmException>(() => m.Memory.GetPage(0x80000)).ErrorId);
    }

    [Fact]
    public void Kernel_2_4_22_zones_and_map_aligned_mem_map()
    {
        var m = Boot(GiB, kernel: KernelProfile.V2_4_22);
        Assert.Equal(new[] { "DMA", "Normal", "HighMem" }, m.Memory.Zones.Select(z => z.Name));
        Assert.Equal(48UL, m.Memory.StructPageSize);
        Assert.Equal(0xC1000020UL, m.Memory.MemMap);        // MAP_ALIGN(0x1000000) to a multiple of 48
        Assert.Contains(m.BootLog, l => l.Text == "zone(1): 225280 pages.");
        Assert.Null(m.Memory.Zones[0].LifoBatch);
        Assert.Equal(4096UL, m.Memory.Zones[0].PresentPages);
    }

    [Fact]
    public void Numa_nodes_get_their_own_mem_map_and_zones()
    {
        var m = Boot(4 * GiB, Architecture.X86Pae, nodes: new[] { new NodeRange(0, 2 * GiB), new NodeRange(2 * GiB, 4 * GiB) });
        Assert.Equal(MemoryModel.Discontigmem, m.Memory.Model);
        Assert.Equal(2, m.Memory.Nodes.Count);
        var n1 = m.Memory.Nodes[1];
        Assert.Equal(0x80000UL, n1.StartPfn);
        Assert.Equal(new[] { 0UL, 0UL, 0x80000UL, 0UL }, n1.Zones.Select(z => z.SpannedPages));
        Assert.Equal(n1.NodeMemMap + 5 * 32UL, m.Memory.PfnToPage(0x80005));
        Assert.Equal(1, m.Memory.GetPage(0x80005).NodeId);
        Assert.NotEqual(m.Memory.Nodes[0].NodeMemMap, n1.NodeMemMap);
    }

    [Fact]
    public void X86_64_uses_vmemmap()
    {
        var m = Boot(8 * GiB, Architecture.X86_64);
        Assert.Equal(MemoryModel.SparsememVmemmap, m.Memory.Model);
        Assert.Equal(0xFFFFE20000000000UL + 0x100UL * 56, m.Memory.PfnToPage(0x100));
        Assert.Equal(new[] { "DMA", "DMA32", "Normal", "Movable" }, m.Memory.Zones.Select(z => z.Name));
        Assert.Equal(0x100000UL, m.Memory.Zones[2].StartPfn);
    }

    [Fact]
    public void Bad_nodes_are_refused()
    {
        Assert.Equal(Errors.NumaNotAvailable, Assert.Throws<KernelVmException>(() => Boot(2 * GiB, nodes: new[] { new NodeRange(0, 2 * GiB) })).ErrorId);
        Assert.Equal(Errors.NodeRangeInvalid, Assert.Throws<KernelVmException>(() =>
            Boot(2 * GiB, Architecture.X86Pae, nodes: new[] { new NodeRange(0, GiB), new NodeRange(GiB + 4096, 2 * GiB) })).ErrorId);
    }
}
