using System;
using System.IO;
using System.Management.Automation;

namespace KernelVm.PowerShell
{
    /// <summary>
    /// The error ids the cmdlet layer raises itself, and the mapping of model failures to
    /// ErrorRecords. The model's ids live in <see cref="Errors"/>.
    /// </summary>
    internal static class CmdletErrors
    {
        internal const string NoMachine = "NoMachine";
        internal const string MachineNameTaken = "MachineNameTaken";
        internal const string MachineNotFound = "MachineNotFound";
        internal const string ConfigPresetUnknown = "ConfigPresetUnknown";
        internal const string NoHighmem = "NoHighmem";
        internal const string PkmapSlotOutOfRange = "PkmapSlotOutOfRange";
        internal const string FixmapNameNotFound = "FixmapNameNotFound";
        internal const string EventSequenceNegative = "EventSequenceNegative";
        internal const string MachineNameInvalid = "MachineNameInvalid";
        internal const string TaskNameInvalid = "TaskNameInvalid";
        internal const string MachineArgumentInvalid = "MachineArgumentInvalid";
        internal const string VmSplitUnknown = "VmSplitUnknown";
        internal const string HighMemUnknown = "HighMemUnknown";
        internal const string KernelVersionUnknown = "KernelVersionUnknown";
        internal const string E820EntryUnreadable = "E820EntryUnreadable";
        internal const string ZoneNotFound = "ZoneNotFound";
        internal const string NodeNotFound = "NodeNotFound";
        internal const string FileNotFound = "FileNotFound";
        internal const string FileExists = "FileExists";
        internal const string FileWriteFailed = "FileWriteFailed";
        internal const string FileReadFailed = "FileReadFailed";
        internal const string PathNotFileSystem = "PathNotFileSystem";
        internal const string ExportPathInvalid = "ExportPathInvalid";
        internal const string ExportPathNotFound = "ExportPathNotFound";
        internal const string ExportFileExists = "ExportFileExists";
        internal const string ExportFileReadOnly = "ExportFileReadOnly";
        internal const string ExportWriteFailed = "ExportWriteFailed";

        /// <summary>A model failure as an ErrorRecord; <paramref name="target"/> stands in where the model knows no offending value.</summary>
        internal static ErrorRecord FromModel(KernelVmException e, object? target = null) => new(
            e, e.ErrorId,
            e.Kind switch
            {
                FailureKind.InvalidOperation => ErrorCategory.InvalidOperation,
                FailureKind.NotFound => ErrorCategory.ObjectNotFound,
                FailureKind.InvalidData => ErrorCategory.InvalidData,
                _ => ErrorCategory.InvalidArgument,
            },
            e.Target ?? target);

        internal static ErrorRecord NoMachineRecord() => new(
            new InvalidOperationException("There is no machine in this session. Create one with New-VmMachine, or pass -Machine."),
            NoMachine, ErrorCategory.ObjectNotFound, null);

        internal static ErrorRecord MachineNotFoundRecord(string name) => new(
            new ItemNotFoundException("There is no machine named '" + name + "' in this session. Get-VmMachine lists them."),
            MachineNotFound, ErrorCategory.ObjectNotFound, name);

        /// <summary>-Machine given a name no machine has, or something that is neither a machine nor a name.</summary>
        internal static ErrorRecord MachineArgumentRecord(object? value)
        {
            var input = value is PSObject pso ? pso.BaseObject : value;
            return input is string name
                ? MachineNotFoundRecord(name)
                : new ErrorRecord(
                    new ArgumentException("-Machine takes a machine (from New-VmMachine or Get-VmMachine) or a machine's name, not "
                        + (input is null ? "$null" : "the " + input.GetType().Name + " '" + value + "'") + "."),
                    MachineArgumentInvalid, ErrorCategory.InvalidArgument, value);
        }

        /// <summary>A name that is not one of a parameter's choices: says what it should be and lists them.</summary>
        internal static ErrorRecord NameUnknown(string errorId, string? name, string what, string[] choices) => new(
            new ArgumentException((name is null ? "$null" : "'" + name + "'") + " is not " + what + ". Use one of: " + string.Join(", ", choices) + "."),
            errorId, ErrorCategory.InvalidArgument, name);

        /// <summary>A Get- filter naming something the machine does not have (a zone, node, task or CPU).</summary>
        internal static ErrorRecord NotFound(string errorId, object value, string message) => new(
            new ItemNotFoundException(message), errorId, ErrorCategory.ObjectNotFound, value);

        internal static ErrorRecord UnknownPreset(string name) => new(
            new ArgumentException("There is no configuration preset named '" + name + "'. Presets: " + string.Join(", ", Profiles.KernelConfig.Presets.Keys) + "."),
            ConfigPresetUnknown, ErrorCategory.InvalidArgument, name);

        internal static ErrorRecord NoHighmemRecord(Machine machine) => new(
            new InvalidOperationException("Machine " + machine.Name + " has no persistent kmaps: it has no CONFIG_HIGHMEM (" + machine.Architecture + ", HighMem " + machine.HighMem + ")."),
            NoHighmem, ErrorCategory.InvalidOperation, machine);

        internal static ErrorRecord SlotOutOfRange(int slot, int lastPkmap) => new(
            new ArgumentOutOfRangeException(null, "Slot " + slot + " does not exist: LAST_PKMAP is " + lastPkmap + " (slots 0 to " + (lastPkmap - 1) + ")."),
            PkmapSlotOutOfRange, ErrorCategory.InvalidArgument, slot);

        internal static ErrorRecord FixmapNameUnknown(string name, Machine machine) => new(
            new ItemNotFoundException("'" + name + "' is not in the fixmap enum of machine " + machine.Name + " (kernel " + machine.Kernel
                + ", its config). Get-Fixmap lists the names; a run is named FIRST+n, e.g. FIX_KMAP_BEGIN+3."),
            FixmapNameNotFound, ErrorCategory.ObjectNotFound, name);

        internal static ErrorRecord SequenceNegative(long since) => new(
            new ArgumentOutOfRangeException(null, "-Since takes an event's Sequence, which starts at 0; " + since + " is negative."),
            EventSequenceNegative, ErrorCategory.InvalidArgument, since);

        /// <summary>Machine and task names are typed at a prompt and used in file names: letters, digits, '_', '.', '-', at most 64.</summary>
        internal static bool IsName(string name) =>
            System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$");

        internal static ErrorRecord BadName(string errorId, string what, string name) => new(
            new ArgumentException("'" + (name.Length > 70 ? name.Substring(0, 64) + "..." : name)
                + "' is not a " + what + " name: use 1 to 64 letters, digits, '_', '.' or '-', starting with a letter, digit or '_'."),
            errorId, ErrorCategory.InvalidArgument, name);

        internal static ErrorRecord NameTaken(string name) => new(
            new ArgumentException("A machine named '" + name + "' already exists in this session. Choose another -Name, add -Force to replace it, or remove it with Remove-VmMachine."),
            MachineNameTaken, ErrorCategory.ResourceExists, name);

        internal static ErrorRecord FileMissing(string path) => new(
            new ItemNotFoundException("There is no file '" + path + "'."), FileNotFound, ErrorCategory.ObjectNotFound, path);

        internal static ErrorRecord FileAlreadyThere(string path) => new(
            new IOException("The file '" + path + "' already exists, and -NoClobber keeps it. Leave out -NoClobber to replace it."),
            FileExists, ErrorCategory.ResourceExists, path);

        internal static ErrorRecord NotAFileSystemPath(string path, string provider) => new(
            new ArgumentException("'" + path + "' is a " + provider + " path; KernelVm reads and writes files in the file system."),
            PathNotFileSystem, ErrorCategory.InvalidArgument, path);

        /// <summary>An I/O failure reading or writing a file: the system's reason, the path as target.</summary>
        internal static ErrorRecord FileFailed(Exception e, string path, bool writing) => new(
            new IOException((writing ? "Cannot write '" : "Cannot read '") + path + "': " + e.Message, e),
            writing ? FileWriteFailed : FileReadFailed,
            e is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : writing ? ErrorCategory.WriteError : ErrorCategory.ReadError,
            path);
    }
}
