using BenchmarkDotNet.Attributes;
using KernelVm.Profiles;

namespace KernelVm.Benchmarks;

/// <summary>
/// The scale goals of the machine model: a 64 GiB PAE machine boots in well under a second with
/// memory that does not grow with RAM, and the page-descriptor stream allocates nothing it keeps.
/// </summary>
[MemoryDiagnoser]
public class MachineBenchmarks
{
    private Machine _machine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _machine = Boot64GiBPae();
        _machine.Kmap(null, 0x40000);                           // keeps pfn 0x40000 mapped: the benchmark below reuses it
    }

    [Benchmark(Description = "Boot a 64 GiB PAE machine")]
    public Machine Boot64GiBPae() =>
        Machine.Boot(new MachineConfig { Architecture = Architecture.X86Pae, MemorySize = 64UL << 30 });

    [Benchmark(Description = "Boot the default machine")]
    public Machine BootDefault() => Machine.Boot(new MachineConfig());

    [Benchmark(Description = "Read 1M page descriptors", OperationsPerInvoke = 1 << 20)]
    public ulong StreamPages()
    {
        ulong sum = 0;
        for (ulong pfn = 0x38000; pfn < 0x38000 + (1 << 20); pfn++)
        {
            sum += (ulong)_machine.Memory.GetPage(pfn).Count;
        }

        return sum;
    }

    [Benchmark(Description = "Walk a pkmap address")]
    public int WalkPkmap() => _machine.PageTables!.Walk(0xFFC01000).Count;

    [Benchmark(Description = "kmap + kunmap of a mapped page (the cached path)")]
    public int KmapCached() => _machine.Kmap(null, 0x40000).Count + _machine.Kunmap(null, 0x40000).Count;

    [Benchmark(Description = "__pa")]
    public ulong Pa() => _machine.Pa(0xC0100000);
}
