using System.Management.Automation;
using KernelVm.BootLogs;
using KernelVm.PowerShell.Files;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// Holds a real boot log against the model's: by default against a twin booted from the log
    /// itself (not kept in the session), or against -Machine. One record per line of the log, in its
    /// order, and one per line the model printed that the log lacks where nothing was left out.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "VmBootLog")]
    [OutputType(typeof(VmBootLogLine))]
    public sealed class CompareVmBootLogCommand : MachineCommand
    {
        /// <summary>The saved dmesg; binds the FullName of piped files.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = null!;

        protected override void ProcessInput()
        {
            var facts = BootLogFile.Read(this, Path, out var error);
            if (facts is null)
            {
                WriteError(error!);
                return;
            }

            var log = System.IO.Path.GetFileName(Path);
            Machine machine;
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Machine)))
            {
                machine = TargetMachine;
            }
            else
            {
                try
                {
                    var twin = BootLogTwin.From(facts, "twin");
                    BootLogFile.WriteNotes(this, twin);
                    machine = KernelVm.Machine.Boot(twin.Config);
                }
                catch (KernelVmException e)
                {
                    WriteError(CmdletErrors.FromModel(e, Path));
                    return;
                }
            }

            var modelLog = machine.Read(m => m.BootLog);
            foreach (var line in BootLogComparer.Compare(facts, modelLog, machine.Kernel))
            {
                WriteObject(new VmBootLogLine(line, log, machine.Name));
            }
        }
    }
}
