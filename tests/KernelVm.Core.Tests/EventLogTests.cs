using System.Linq;
using KernelVm.Trace;

namespace KernelVm.Core.Tests;

/// <summary>The event ring a machine sizes: power-of-two capacities, what it keeps, and how many events a kept sequence number lost.</summary>
public sealed class EventLogTests
{
    [Theory]
    [InlineData(64, 64)]
    [InlineData(65, 128)]
    [InlineData(4096, 4096)]
    [InlineData(100_000, 131_072)]
    [InlineData(1 << 20, 1 << 20)]
    public void A_capacity_is_rounded_up_to_a_power_of_two(long requested, int capacity)
    {
        Assert.Equal(capacity, EventLog.RoundCapacity(requested));
    }

    [Theory]
    [InlineData(63)]
    [InlineData(0)]
    [InlineData(-4096)]
    [InlineData((1 << 20) + 1)]
    [InlineData(long.MaxValue)]
    public void A_capacity_outside_the_range_is_EventLogCapacityInvalid(long requested)
    {
        var e = Assert.Throws<KernelVmException>(() => EventLog.RoundCapacity(requested));

        Assert.Equal(Errors.EventLogCapacityInvalid, e.ErrorId);
        Assert.Equal(requested, e.Target);
    }

    [Fact]
    public void The_ring_keeps_the_last_Capacity_events_and_counts_what_a_kept_sequence_lost()
    {
        var log = new EventLog(128);
        for (var i = 0; i < 300; i++)
        {
            log.Add(EventKind.Kunmap, pfn: i);
        }

        Assert.Equal(300, log.NextSequence);
        Assert.Equal(172, log.OldestSequence);
        Assert.Equal(Enumerable.Range(172, 128).Select(i => (long)i), log.Since(0).Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(172, 128).Select(i => (long)i), log.Since(0).Select(e => e.Pfn));
        Assert.Equal(172, log.LostSince(0));
        Assert.Equal(72, log.LostSince(100));
        Assert.Equal(0, log.LostSince(172));
        Assert.Equal(0, log.LostSince(400));
        Assert.Equal(new long[] { 298, 299 }, log.Since(298).Select(e => e.Sequence));
    }

    [Fact]
    public void A_young_ring_lost_nothing()
    {
        var log = new EventLog(64);
        log.Add(EventKind.Wrap);

        Assert.Equal(0, log.OldestSequence);
        Assert.Equal(0, log.LostSince(0));
        Assert.Single(log.Since(-5));
    }

    [Fact]
    public void A_machine_sizes_its_log_from_its_configuration()
    {
        var small = Machine.Boot(new MachineConfig { MemorySize = 2UL << 30, EventLogCapacity = 100 });
        foreach (var pfn in Enumerable.Range(0x40000, 200))
        {
            small.Kmap(null, (ulong)pfn);
        }

        Assert.Equal(128, small.Events.Capacity);
        Assert.Equal(128, small.Events.Since(0).Count);
        Assert.True(small.Events.LostSince(0) > 0);
        Assert.Equal(EventLog.DefaultCapacity, Machine.Boot(new MachineConfig()).Events.Capacity);
        var e = Assert.Throws<KernelVmException>(() => Machine.Boot(new MachineConfig { EventLogCapacity = 10 }));
        Assert.Equal(Errors.EventLogCapacityInvalid, e.ErrorId);
    }
}
