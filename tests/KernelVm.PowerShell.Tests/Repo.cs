using System.Reflection;

namespace KernelVm.PowerShell.Tests;

/// <summary>Paths in the repository the tests run from: the built module and the built host.</summary>
internal static class Repo
{
    internal static string Root { get; } = FindRoot();

    /// <summary>The importable module that `dotnet build` lays out, imported exactly as a user would.</summary>
    internal static string ModuleManifest => Path.Combine(Root, "out", "KernelVm", "KernelVm.psd1");

    internal static string ShellDll => Path.Combine(Root, "src", "KernelVm.Shell", "bin", Configuration, "net10.0", "kernelvm.dll");

    private static string Configuration =>
        typeof(Repo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KernelVm.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KernelVm.sln not found above " + AppContext.BaseDirectory);
    }
}
