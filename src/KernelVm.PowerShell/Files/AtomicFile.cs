using System;
using System.IO;

namespace KernelVm.PowerShell.Files
{
    /// <summary>
    /// Writes a file whole or not at all. The content goes to a hidden temporary file in the target's own
    /// directory (the same file system, so that the last step is a rename), which then takes the target's
    /// place. An export that fails or is killed part way leaves the old file as it was, and at worst a
    /// stray temporary file, never a half-written target.
    /// </summary>
    internal static class AtomicFile
    {
        /// <summary>
        /// Writes <paramref name="path"/> with <paramref name="write"/>. With <paramref name="noClobber"/> an
        /// existing file is an IOException (the rename refuses it, so a file created meanwhile is safe too).
        /// A read-only target (allowed by the caller under -Force) is replaced and made read-only again.
        /// </summary>
        internal static void Write(string path, Action<Stream> write, bool noClobber)
        {
            var directory = Path.GetDirectoryName(path)!;
            var name = Path.GetFileName(path);
            var temp = Path.Combine(directory, "." + (name.Length > 40 ? name.Substring(0, 40) : name) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            var target = new FileInfo(path);
            var readOnly = target.Exists && target.IsReadOnly;
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    write(stream);
                    stream.Flush(true);
                }

                if (noClobber || !File.Exists(path))
                {
                    File.Move(temp, path);
                    return;
                }

                if (readOnly)
                {
                    target.IsReadOnly = false;
                }

                try
                {
                    File.Replace(temp, path, null);
                }
                finally
                {
                    if (readOnly)
                    {
                        new FileInfo(path).IsReadOnly = true;
                    }
                }
            }
            finally
            {
                Discard(temp);
            }
        }

        private static void Discard(string temp)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Only a stray hidden file is left; the target is untouched either way.
            }
        }
    }
}
