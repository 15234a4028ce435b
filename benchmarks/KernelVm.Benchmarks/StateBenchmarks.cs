using BenchmarkDotNet.Attributes;
using KernelVm.Profiles;
using KernelVm.State;

namespace KernelVm.Benchmarks;

/// <summary>
/// What Copy-VmMachine, Export-VmMachine and Import-VmMachine cost in the model: a fork (boot again,
/// then restore), writing and reading the save file, and the invariant check reading runs. The
/// machines are mid-experiment: every pkmap slot holds a page, so the hash, the PTEs and the TLB are full.
/// </summary>
[MemoryDiagnoser]
public class StateBenchmarks
{
    private Machine _machine = null!;
    private byte[] _file = null!;

    [Params(1UL, 64UL)]
    public ulong GiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _machine = Machine.Boot(new MachineConfig { Architecture = Architecture.X86Pae, MemorySize = GiB << 30 });
        var slots = _machine.Pkmap!.LastPkmap - 1;   // slot 0 stays free until the first wrap
        for (var i = 0; i < slots; i++)
        {
            _machine.Kmap(null, _machine.HighStartPfn + (ulong)i);
        }

        using var stream = new MemoryStream();
        MachineFile.Write(_machine, stream);
        _file = stream.ToArray();
    }

    [Benchmark(Description = "Copy-VmMachine (boot again, restore)")]
    public Machine Copy() => _machine.Copy("fork");

    [Benchmark(Description = "Export-VmMachine to memory")]
    public long Write()
    {
        using var stream = new MemoryStream(_file.Length);
        MachineFile.Write(_machine, stream);
        return stream.Length;
    }

    [Benchmark(Description = "Import-VmMachine from memory")]
    public Machine Read() => MachineFile.Read(new MemoryStream(_file, writable: false), "read");

    [Benchmark(Description = "CheckConsistency")]
    public int CheckConsistency() => _machine.CheckConsistency().Count;
}
