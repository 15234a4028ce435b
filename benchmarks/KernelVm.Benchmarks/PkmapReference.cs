using System.Reflection;
using System.Runtime.InteropServices;

namespace KernelVm.Benchmarks;

/// <summary>
/// The plain C pkmap algorithm (benchmarks/pkmap-c/pkmap.c), from the libpkmap.so that run.sh builds
/// and names in KERNELVM_PKMAP_LIB. Each call runs many pairs, so the P/Invoke transition is noise.
/// </summary>
internal static partial class PkmapReference
{
    private const string Library = "pkmap";

    static PkmapReference() => NativeLibrary.SetDllImportResolver(typeof(PkmapReference).Assembly, Resolve);

    [LibraryImport(Library, EntryPoint = "pkmap_init")]
    internal static partial void Init();

    [LibraryImport(Library, EntryPoint = "pkmap_kmap")]
    internal static partial uint Kmap(uint pfn);

    [LibraryImport(Library, EntryPoint = "pkmap_cached_pairs")]
    internal static partial uint CachedPairs(uint pfn, long n);

    [LibraryImport(Library, EntryPoint = "pkmap_churn_pairs")]
    internal static unsafe partial uint ChurnPairs(uint first, uint pages, long n, uint* next);

    [LibraryImport(Library, EntryPoint = "pkmap_cached_pairs_locked")]
    internal static partial uint CachedPairsLocked(uint pfn, long n);

    [LibraryImport(Library, EntryPoint = "pkmap_churn_pairs_locked")]
    internal static unsafe partial uint ChurnPairsLocked(uint first, uint pages, long n, uint* next);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path) =>
        name != Library ? IntPtr.Zero
        : Environment.GetEnvironmentVariable("KERNELVM_PKMAP_LIB") is { Length: > 0 } file ? NativeLibrary.Load(file)
        : throw new DllNotFoundException("KERNELVM_PKMAP_LIB is not set: run the benchmarks with benchmarks/run.sh, which builds libpkmap.so.");
}
