namespace KernelVm.Shell;

/// <summary>Finds the built module: $KERNELVM_MODULE, else out/KernelVm/KernelVm.psd1 above the program.</summary>
internal static class ModuleLocator
{
    internal const string EnvironmentVariable = "KERNELVM_MODULE";

    internal static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "out", "KernelVm", "KernelVm.psd1");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
