using System;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;

namespace KernelVm.PowerShell.Files
{
    /// <summary>
    /// The file an Export- cmdlet writes, as PowerShell's own Export-Csv and Out-File treat it: -Path
    /// relative to the current location of the session (not the process), through the FileSystem provider,
    /// wildcards in -Path resolving to one existing file, -LiteralPath taken as typed; -NoClobber refuses
    /// an existing file, -Force replaces a read-only one. Every refusal ends the command with an error
    /// whose TargetObject is the path as typed.
    /// </summary>
    internal static class OutputFile
    {
        /// <summary>The full file-system path of the file to write, checked: it is not a directory and its directory exists.</summary>
        internal static string Resolve(PSCmdlet cmdlet, string path, bool literal)
        {
            if (path.Trim().Length == 0)
            {
                Fail(cmdlet, CmdletErrors.ExportPathInvalid, ErrorCategory.InvalidArgument, path, "The path '" + path + "' is blank: name the file to write, such as layout.svg.");
            }

            string resolved;
            ProviderInfo provider;
            try
            {
                if (!literal && WildcardPattern.ContainsWildcardCharacters(path))
                {
                    Collection<string> matches;
                    try
                    {
                        matches = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
                    }
                    catch (ItemNotFoundException)
                    {
                        matches = new Collection<string>();
                        provider = null!;
                    }

                    if (matches.Count != 1)
                    {
                        Fail(cmdlet, matches.Count == 0 ? CmdletErrors.ExportPathNotFound : CmdletErrors.ExportPathInvalid,
                            matches.Count == 0 ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidArgument, path, matches.Count == 0
                                ? "The wildcard path '" + path + "' matches no file. To create a file whose name has [, ], * or ?, use -LiteralPath."
                                : "The wildcard path '" + path + "' matches " + matches.Count + " files; the picture goes to one file.");
                    }

                    resolved = matches[0];
                }
                else
                {
                    resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
                }
            }
            catch (Exception e) when (e is SessionStateException or ProviderInvocationException or NotSupportedException
                or ArgumentException or PSInvalidOperationException or IOException)
            {
                Fail(cmdlet, CmdletErrors.ExportPathInvalid, ErrorCategory.InvalidArgument, path, "The path '" + path + "' cannot be used: " + e.Message, e);
                return null!;
            }

            if (provider.Name != "FileSystem")
            {
                Fail(cmdlet, CmdletErrors.ExportPathInvalid, ErrorCategory.InvalidArgument, path,
                    "The path '" + path + "' belongs to the " + provider.Name + " provider; the picture can only be written to a file.");
            }

            if (resolved.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || Path.GetFileName(resolved).IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                Fail(cmdlet, CmdletErrors.ExportPathInvalid, ErrorCategory.InvalidArgument, path, "The path '" + path + "' has a character that a file name cannot hold.");
            }

            if (Directory.Exists(resolved))
            {
                Fail(cmdlet, CmdletErrors.ExportPathInvalid, ErrorCategory.InvalidArgument, path,
                    "The path '" + path + "' is a directory (" + resolved + "); name a file in it, such as " + Path.Combine(resolved, "layout.svg") + ".");
            }

            var directory = Path.GetDirectoryName(resolved);
            if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
            {
                Fail(cmdlet, CmdletErrors.ExportPathNotFound, ErrorCategory.ObjectNotFound, path,
                    "The directory '" + directory + "' does not exist. Create it first, with New-Item -ItemType Directory.");
            }

            return resolved;
        }

        /// <summary>Writes the file atomically after the -NoClobber and read-only checks; any failure leaves an existing file as it was.</summary>
        internal static void Write(PSCmdlet cmdlet, string path, string resolved, Action<Stream> write, bool force, bool noClobber)
        {
            var existing = new FileInfo(resolved);
            if (existing.Exists && noClobber)
            {
                Fail(cmdlet, CmdletErrors.ExportFileExists, ErrorCategory.ResourceExists, path,
                    "The file '" + resolved + "' already exists, and -NoClobber keeps it as it is.");
            }

            if (existing.Exists && existing.IsReadOnly && !force)
            {
                Fail(cmdlet, CmdletErrors.ExportFileReadOnly, ErrorCategory.PermissionDenied, path,
                    "The file '" + resolved + "' is read-only. Add -Force to replace it; it stays read-only.");
            }

            try
            {
                AtomicFile.Write(resolved, write, noClobber);
            }
            catch (IOException e) when (noClobber && File.Exists(resolved))
            {
                Fail(cmdlet, CmdletErrors.ExportFileExists, ErrorCategory.ResourceExists, path,
                    "The file '" + resolved + "' was created while the picture was written, and -NoClobber keeps it as it is.", e);
            }
            catch (Exception e) when (e is PathTooLongException or ArgumentException or NotSupportedException)
            {
                Fail(cmdlet, CmdletErrors.ExportPathInvalid, ErrorCategory.InvalidArgument, path, "The path '" + path + "' cannot be used: " + e.Message, e);
            }
            catch (DirectoryNotFoundException e)
            {
                Fail(cmdlet, CmdletErrors.ExportPathNotFound, ErrorCategory.ObjectNotFound, path, "Could not write '" + resolved + "': " + e.Message, e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Fail(cmdlet, CmdletErrors.ExportWriteFailed, e is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, path,
                    "Could not write '" + resolved + "': " + e.Message + " Any file that was there is left as it was.", e);
            }
        }

        private static void Fail(PSCmdlet cmdlet, string errorId, ErrorCategory category, string path, string message, Exception? inner = null) =>
            cmdlet.ThrowTerminatingError(new ErrorRecord(
                category switch
                {
                    ErrorCategory.InvalidArgument => new ArgumentException(message, inner),
                    ErrorCategory.ObjectNotFound => new ItemNotFoundException(message, inner),
                    ErrorCategory.PermissionDenied => new UnauthorizedAccessException(message, inner),
                    _ => new IOException(message, inner),
                },
                errorId, category, path));
    }
}
