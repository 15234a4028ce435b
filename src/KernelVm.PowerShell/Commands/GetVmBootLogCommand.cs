using System.Management.Automation;
using KernelVm.Physical;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>What the kernel printed while the machine booted, like dmesg.</summary>
    [Cmdlet(VerbsCommon.Get, "VmBootLog")]
    [OutputType(typeof(BootMessage))]
    [Alias("dmesg")]
    public sealed class GetVmBootLogCommand : MachineCommand
    {
        /// <summary>Only messages at these printk levels.</summary>
        [Parameter(Position = 0)]
        [EnumTransformation(typeof(PrintkLevel))]
        public PrintkLevel[]? Level { get; set; }

        protected override void ProcessInput()
        {
            foreach (var message in TargetMachine.BootLog)
            {
                if (Level is null || System.Array.IndexOf(Level, message.Level) >= 0)
                {
                    WriteObject(message);
                }
            }
        }
    }
}
