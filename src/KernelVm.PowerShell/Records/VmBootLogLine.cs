using KernelVm.BootLogs;

namespace KernelVm.PowerShell
{
    /// <summary>One line of a real boot log held against a machine's boot log (Compare-VmBootLog).</summary>
    public sealed class VmBootLogLine
    {
        internal VmBootLogLine(BootLineComparison line, string log, string machine)
        {
            Log = log;
            LineNumber = line.LineNumber;
            Status = line.Status;
            Kind = line.Kind;
            RealText = line.RealText;
            ModelText = line.ModelText;
            Reason = line.Reason;
            Machine = machine;
        }

        /// <summary>The real log's file name.</summary>
        public string Log { get; }

        /// <summary>The line's number in the file; empty for a Missing line (the model's, which the log lacks).</summary>
        public int? LineNumber { get; }

        /// <summary>Match, Differs, NotModelled (the model prints no line of this kind) or Missing.</summary>
        public LineStatus Status { get; }

        /// <summary>What the line says, by which lines pair ("Zone PFN range: DMA", "BIOS-e820 3"); empty for a line of no known kind.</summary>
        public string? Kind { get; }

        /// <summary>The real line, without its timestamp.</summary>
        public string? RealText { get; }

        /// <summary>The model's line of the same kind.</summary>
        public string? ModelText { get; }

        /// <summary>The kernel change between the log's version and the model's that explains a difference, if one does.</summary>
        public string? Reason { get; }

        /// <summary>The machine compared with; -Machine binds it back by name (unless it was a twin booted for the comparison alone).</summary>
        public string Machine { get; }
    }
}
