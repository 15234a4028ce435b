using System;
using System.IO;

namespace KernelVm.PowerShell.Files
{
    /// <summary>
    /// Writes a file so that readers only ever see the old file or the whole new one: the content
    /// goes to a temporary file beside it, which then replaces the target in one rename.
    /// </summary>
    internal static class AtomicFile
    {
        internal static void Write(string path, Action<Stream> write, bool overwriteReadOnly)
        {
            var directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException("The directory '" + directory + "' does not exist.");
            }

            // Windows refuses to replace a read-only file but a Unix rename does not: refuse it on both unless asked.
            var readOnly = File.Exists(path) && (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0;
            if (readOnly && !overwriteReadOnly)
            {
                throw new UnauthorizedAccessException("it is read-only; -Force replaces it.");
            }

            var temporary = Path.Combine(directory ?? "", "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                {
                    write(stream);
                    stream.Flush(true);
                }

                if (File.Exists(path))
                {
                    if (readOnly)
                    {
                        File.SetAttributes(path, File.GetAttributes(path) & ~FileAttributes.ReadOnly);
                    }

                    File.Replace(temporary, path, null);
                }
                else
                {
                    File.Move(temporary, path);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }
    }
}
