using System;
using System.IO;

namespace KernelVm.Core.Tests;

/// <summary>The real boot logs of tests/data/real-dmesg (public excerpts, see its README).</summary>
internal static class RealLogs
{
    internal const string Hardy = "01-hardy-2.6.24-19-generic-1280MB.txt";
    internal const string HardyServer = "07-hardy-2.6.24-24-server-PAE-4.75GB.txt";
    internal const string Old24 = "11-2.4.19-1GB.txt";
    internal const string Qemu61 = "m02-6.1.0-rc6-x86_64-2GB-qemu-seabios.txt";
    internal const string X99 = "m05-6.14.0-37-generic-x86_64-16GB-X99.txt";
    internal const string Toshiba61Pae = "m10-6.1.0-2-686-pae-i686-PAE-5GB-Toshiba.txt";

    internal static string Read(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "data", "real-dmesg", name);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException("tests/data/real-dmesg/" + name + " not found above " + AppContext.BaseDirectory);
    }
}
