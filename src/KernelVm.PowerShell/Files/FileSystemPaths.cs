using System.IO;
using System.Management.Automation;

namespace KernelVm.PowerShell.Files
{
    /// <summary>PowerShell paths to file-system paths, relative to the current location as every file cmdlet reads them.</summary>
    internal static class FileSystemPaths
    {
        /// <summary>A path to write: it need not exist, but it must be in the file system.</summary>
        internal static string? ForWriting(PSCmdlet cmdlet, string path, out ErrorRecord? error) => Resolve(cmdlet, path, writing: true, out error);

        /// <summary>A file to read, which must exist (no wildcards: a path names one file).</summary>
        internal static string? ForReading(PSCmdlet cmdlet, string path, out ErrorRecord? error)
        {
            var full = Resolve(cmdlet, path, writing: false, out error);
            if (full is not null && !File.Exists(full))
            {
                error = CmdletErrors.FileMissing(path);
                return null;
            }

            return full;
        }

        private static string? Resolve(PSCmdlet cmdlet, string path, bool writing, out ErrorRecord? error)
        {
            error = null;
            string full;
            ProviderInfo provider;
            try
            {
                full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            catch (SessionStateException e)
            {
                // A drive or provider that does not exist (NoSuchDrive:/lab.json): the system's reason, as for any other unusable path.
                error = CmdletErrors.FileFailed(e, path, writing);
                return null;
            }

            if (provider.Name != "FileSystem")
            {
                error = CmdletErrors.NotAFileSystemPath(path, provider.Name);
                return null;
            }

            return full;
        }
    }
}
