using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace KernelVm.Benchmarks;

/// <summary>
/// kmap+kunmap pairs, the model against the plain C algorithm (the baseline of each category, so
/// the Ratio column is the model's cost in multiples of C). Both have LAST_PKMAP 1024 (i386, no PAE).
/// Cached: one page that stays mapped. Churn: 4096 pages in turn through 1024 slots, so every kmap
/// takes a new slot and every 1024th wraps and flushes. The model runs as users run it: event log
/// and TLB on. "C, locked" is the same C under the kernel's spinlocks (kmap_lock, the hash bucket's
/// lock), as the kernel runs it.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PkmapBenchmarks
{
    private const int Pairs = 4096;
    private const uint ChurnPages = 4096;

    private Machine _machine = null!;
    private ulong _first;
    private uint _next;
    private uint _cNext;

    [GlobalSetup]
    public void Setup()
    {
        _machine = Machine.Boot(new MachineConfig { MemorySize = 2UL << 30 });
        _first = _machine.HighStartPfn;
        _machine.Kmap(null, _first + ChurnPages);            // the cached page: mapped once, so it stays mapped
        PkmapReference.Init();
        PkmapReference.Kmap((uint)(_first + ChurnPages));
    }

    [BenchmarkCategory("cached pair"), Benchmark(Baseline = true, Description = "C", OperationsPerInvoke = Pairs)]
    public uint CachedC() => PkmapReference.CachedPairs((uint)(_first + ChurnPages), Pairs);

    [BenchmarkCategory("cached pair"), Benchmark(Description = "C, locked", OperationsPerInvoke = Pairs)]
    public uint CachedCLocked() => PkmapReference.CachedPairsLocked((uint)(_first + ChurnPages), Pairs);

    [BenchmarkCategory("cached pair"), Benchmark(Description = "model", OperationsPerInvoke = Pairs)]
    public ulong CachedModel()
    {
        var pfn = _first + ChurnPages;
        ulong sum = 0;
        for (var i = 0; i < Pairs; i++)
        {
            sum += _machine.Kmap(null, pfn).VirtualAddress;
            _machine.Kunmap(null, pfn);
        }

        return sum;
    }

    [BenchmarkCategory("churn pair"), Benchmark(Baseline = true, Description = "C", OperationsPerInvoke = Pairs)]
    public unsafe uint ChurnC()
    {
        fixed (uint* next = &_cNext)
        {
            return PkmapReference.ChurnPairs((uint)_first, ChurnPages, Pairs, next);
        }
    }

    [BenchmarkCategory("churn pair"), Benchmark(Description = "C, locked", OperationsPerInvoke = Pairs)]
    public unsafe uint ChurnCLocked()
    {
        fixed (uint* next = &_cNext)
        {
            return PkmapReference.ChurnPairsLocked((uint)_first, ChurnPages, Pairs, next);
        }
    }

    [BenchmarkCategory("churn pair"), Benchmark(Description = "model", OperationsPerInvoke = Pairs)]
    public ulong ChurnModel()
    {
        ulong sum = 0;
        for (var i = 0; i < Pairs; i++)
        {
            var pfn = _first + _next++ % ChurnPages;
            sum += _machine.Kmap(null, pfn).VirtualAddress;
            _machine.Kunmap(null, pfn);
        }

        return sum;
    }
}
