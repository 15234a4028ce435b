using KernelVm.Layout;
using KernelVm.Physical;
using KernelVm.Profiles;

namespace KernelVm.Core.Tests;

/// <summary>Inputs at the edges: they get the kernel's answer or a clear error, never a crash or a half-changed machine.</summary>
public sealed class EdgeCaseTests
{
    private const ulong GiB = 1UL << 30;

    private static Machine Boot(MachineConfig config) => Machine.Boot(config);

    [Theory]
    [InlineData(0UL)]
    [InlineData(4096UL)]
    [InlineData(0x5001UL)]
    [InlineData(ulong.MaxValue)]
    public void Kernel_image_sizes_out_of_range_are_refused(ulong size)
    {
        var e = Assert.Throws<KernelVmException>(() => Boot(new MachineConfig { KernelImageSize = size, Architecture = Architecture.X86Pae, Cpu = new CpuFeatures(CpuFeature.None) }));
        Assert.Equal(Errors.KernelImageSizeInvalid, e.ErrorId);
    }

    [Theory]
    [InlineData(0xFFFFFFFFUL)]      // -MemorySize (-1): the Int32 -1 read as the 32 bits it spells
    [InlineData((1UL << 30) + 1)]
    public void Memory_sizes_that_are_not_whole_pages_are_refused(ulong size)
    {
        var e = Assert.Throws<KernelVmException>(() => Boot(new MachineConfig { MemorySize = size }));
        Assert.Equal(Errors.MemorySizeInvalid, e.ErrorId);
        Assert.Equal(size, e.Target);
    }

    [Fact]
    public void Nodes_past_a_trimmed_max_pfn_drop_out_and_NUMA_needs_HIGHMEM64G()
    {
        var m = Boot(new MachineConfig { Architecture = Architecture.X86Pae, MemorySize = 2 * GiB, Nodes = new[] { new NodeRange(0, GiB), new NodeRange(GiB, 2 * GiB) },
            Boot = new BootOptions { HighMem = 0 } });
        Assert.Single(m.Memory.Nodes);
        Assert.Equal(0x38000UL, m.Memory.Nodes[0].SpannedPages);
        Assert.Equal(Errors.NumaNotAvailable, Assert.Throws<KernelVmException>(() => Boot(new MachineConfig
        {
            Architecture = Architecture.X86Pae, HighMem = HighMemSupport.None, MemorySize = 2 * GiB, Nodes = new[] { new NodeRange(0, GiB), new NodeRange(GiB, 2 * GiB) },
        })).ErrorId);
    }

    [Fact]
    public void Set_fixmap_refuses_physical_addresses_the_machine_cannot_have_and_indices_past_the_end()
    {
        var m = Boot(new MachineConfig());
        Assert.Equal(Errors.PhysicalBeyondArchitecture, Assert.Throws<KernelVmException>(() => m.SetFixmap(3, 0x100000000, false)).ErrorId);
        Assert.Equal(Errors.SetFixmapBeyondEnd, Assert.Throws<KernelVmException>(() => m.SetFixmap(34, 0x1000, false)).ErrorId);
        Assert.Equal(0, m.FixmapsSet);
        var pae = Boot(new MachineConfig { Architecture = Architecture.X86Pae });
        Assert.Equal(0xF00000000UL, (pae.SetFixmap(3, 0xF00000ABC, false).Pte & Paging.PteValues.FrameMask));
    }

    [Fact]
    public void X86_64_6x_fixaddr_start_is_below_the_permanent_slots_only()
    {
        var m = Boot(new MachineConfig { Kernel = KernelProfile.V6, Architecture = Architecture.X86_64 });
        Assert.Equal(0xFFFFFFFFFF7FF000UL - (643UL << 12), m.Layout.FixaddrStart);
        Assert.Equal(RegionKind.FixmapBootTime, m.Layout.RegionOf(m.FixToVirt(1535)).Kind);
        Assert.Equal(Errors.VirtToFixOutOfRange, Assert.Throws<KernelVmException>(() => m.VirtToFix(m.FixToVirt(1535))).ErrorId);
    }

    [Fact]
    public void Debug_highmem_kunmap_atomic_BUGs_on_a_non_lowmem_address_that_is_not_the_slot()
    {
        var m = Boot(new MachineConfig { MemorySize = 2 * GiB, Options = KernelConfig.R1 with { DebugHighmem = true } });
        Assert.Equal(Errors.KunmapAtomicBadAddress, Assert.Throws<KernelVmException>(() => m.KunmapAtomic(null, 0, "KM_USER1", 0xFF801000)).ErrorId);
        Assert.False(m.KunmapAtomic(null, 0, "KM_USER1", 0xC0100000));
    }

    [Fact]
    public void Modern_direct_map_ends_exactly_at_max_low_pfn()
    {
        var m = Boot(new MachineConfig { Kernel = KernelProfile.V6, MemorySize = 502UL << 20 });
        Assert.Null(m.Translate(0xDF700000));
        Assert.Equal(0x1F5FF000UL, m.Translate(0xDF5FF000));
        Assert.Equal(0x1F700000UL, Boot(new MachineConfig { MemorySize = 502UL << 20 }).Translate(0xDF700000)); // 2.6.24's last large page maps past it
    }

    [Fact]
    public void X86_64_has_a_TLB_per_CPU_and_pa_covers_the_whole_text_mapping()
    {
        var m = Boot(new MachineConfig { Architecture = Architecture.X86_64, Options = KernelConfig.R1 with { NrCpus = 4 } });
        Assert.Equal(4, m.Tlb.Cpus);
        Assert.Equal(0x4000000UL, m.Pa(0xFFFFFFFF84000000));
    }

    [Fact]
    public void A_blocked_task_cannot_run_anything_else()
    {
        var m = Boot(new MachineConfig { MemorySize = 4 * GiB });
        for (ulong i = 0; i < 1024; i++)
        {
            m.Kmap("filler", 0x40000 + i);
        }

        m.Kmap("sleeper", 0x80000);
        Assert.Equal(Errors.TaskBlocked, Assert.Throws<KernelVmException>(() => m.KmapAtomic("sleeper", null, "KM_USER0", 0x100)).ErrorId);
        Assert.Equal(Errors.TaskBlocked, Assert.Throws<KernelVmException>(() => m.Access("sleeper", null, 0xC0000000)).ErrorId);
    }
}

public sealed class BootOptionOrderTests
{
    [Theory]
    [InlineData("vmalloc=128M reservetop=16M", 144UL)]
    [InlineData("reservetop=16M vmalloc=128M", 128UL)]
    [InlineData("reservetop=16M", 144UL)]
    public void Vmalloc_assigns_and_reservetop_adds_in_command_line_order(string line, ulong reserveMiB)
    {
        var m = Machine.Boot(new MachineConfig { Boot = BootOptions.Parse(line) });
        Assert.Equal(reserveMiB << 20, m.VmallocReserve);
    }
}
