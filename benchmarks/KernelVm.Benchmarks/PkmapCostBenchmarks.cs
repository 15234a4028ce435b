using BenchmarkDotNet.Attributes;
using KernelVm.Trace;

namespace KernelVm.Benchmarks;

/// <summary>
/// Where the model's cached pair goes beyond C: kmap_lock (a Monitor, taken once by Kmap and once by
/// Kunmap) and the trace (one event per call). The C reference has neither.
/// </summary>
[MemoryDiagnoser]
public class PkmapCostBenchmarks
{
    private const int Pairs = 4096;

    private readonly object _kmapLock = new();
    private readonly EventLog _events = new();

    [Benchmark(Description = "kmap_lock taken twice", OperationsPerInvoke = Pairs)]
    public int Lock()
    {
        var taken = 0;
        for (var i = 0; i < Pairs; i++)
        {
            lock (_kmapLock)
            {
                taken++;
            }

            lock (_kmapLock)
            {
                taken++;
            }
        }

        return taken;
    }

    [Benchmark(Description = "two trace events", OperationsPerInvoke = Pairs)]
    public long Trace()
    {
        for (var i = 0; i < Pairs; i++)
        {
            _events.Add(EventKind.KmapReuse, Machine.DefaultTask, 0, 1, 0x40000, 0xFF801000, count: 3);
            _events.Add(EventKind.Kunmap, Machine.DefaultTask, 0, 1, 0x40000, 0xFF801000, count: 2);
        }

        return _events.NextSequence;
    }
}
