using System.IO;
using System.Management.Automation;
using KernelVm.BootLogs;

namespace KernelVm.PowerShell.Files
{
    /// <summary>Reading a saved dmesg for New-VmMachine -BootLog and Compare-VmBootLog.</summary>
    internal static class BootLogFile
    {
        /// <summary>What the log at a PowerShell path states, or null with the error (missing file, not a boot log, a kernel the model lacks).</summary>
        internal static BootLogFacts? Read(PSCmdlet cmdlet, string path, out ErrorRecord? error)
        {
            var full = FileSystemPaths.ForReading(cmdlet, path, out error);
            if (full is null)
            {
                return null;
            }

            try
            {
                return BootLogParser.Parse(File.ReadAllText(full));
            }
            catch (KernelVmException e)
            {
                // A file that is no boot log at all is its own offending value.
                error = CmdletErrors.FromModel(e, path);
                error.ErrorDetails = new ErrorDetails(full + ": " + e.Message);
            }
            catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException)
            {
                error = CmdletErrors.FileFailed(e, full, writing: false);
            }

            return null;
        }

        /// <summary>A twin's notes: what the model could not take as warnings, what was read, inferred and chosen as verbose lines.</summary>
        internal static void WriteNotes(Cmdlet cmdlet, BootLogTwin twin)
        {
            foreach (var note in twin.Notes)
            {
                if (note.Kind == TwinNoteKind.Ignored)
                {
                    cmdlet.WriteWarning(note.Text);
                }
                else
                {
                    cmdlet.WriteVerbose(note.ToString());
                }
            }
        }
    }
}
