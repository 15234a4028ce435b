using BenchmarkDotNet.Attributes;
using KernelVm.Profiles;

namespace KernelVm.Benchmarks;

/// <summary>
/// The rest of the model's hot paths and its scale: boot at 1 GiB, 4 GiB and 64 GiB PAE (time, and
/// memory that must not grow with RAM), kmap_atomic, the direct map, a page-table walk, and the
/// page-descriptor stream.
/// </summary>
[MemoryDiagnoser]
public class MachineBenchmarks
{
    private Machine _machine = null!;
    private ulong _highPfn;

    [GlobalSetup]
    public void Setup()
    {
        _machine = Boot(64);
        _highPfn = _machine.HighStartPfn;
    }

    [Benchmark(Description = "New-VmMachine 1 GiB PAE")]
    public Machine Boot1GiB() => Boot(1);

    [Benchmark(Description = "New-VmMachine 4 GiB PAE")]
    public Machine Boot4GiB() => Boot(4);

    [Benchmark(Description = "New-VmMachine 64 GiB PAE")]
    public Machine Boot64GiB() => Boot(64);

    [Benchmark(Description = "kmap_atomic + kunmap_atomic")]
    public ulong KmapAtomicPair()
    {
        var vaddr = _machine.KmapAtomic(null, null, "KM_USER0", _highPfn);
        _machine.KunmapAtomic(null, null, "KM_USER0", vaddr);
        return vaddr;
    }

    [Benchmark(Description = "__pa + __va")]
    public ulong PaVa() => _machine.Va(_machine.Pa(0xC0100000));

    [Benchmark(Description = "Walk a pkmap address")]
    public int WalkPkmap() => _machine.PageTables!.Walk(0xFFC01000).Count;

    [Benchmark(Description = "Read 1M page descriptors", OperationsPerInvoke = 1 << 20)]
    public ulong StreamPages()
    {
        ulong sum = 0;
        for (var pfn = _highPfn; pfn < _highPfn + (1 << 20); pfn++)
        {
            sum += (ulong)_machine.Memory.GetPage(pfn).Count;
        }

        return sum;
    }

    internal static Machine Boot(ulong gib) =>
        Machine.Boot(new MachineConfig { Architecture = Architecture.X86Pae, MemorySize = gib << 30 });
}
