using System.Management.Automation;

namespace NoOpCmdlet
{
    /// <summary>
    /// Writes its input back, Repeat times: the cost of a cmdlet that binds one piped value and writes
    /// one record (Repeat 1), or streams many from one call (Repeat n, the floor for Get-VmPage's stream).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "NoOp")]
    public sealed class InvokeNoOpCommand : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public object? InputObject { get; set; }

        [Parameter]
        public int Repeat { get; set; } = 1;

        protected override void ProcessRecord()
        {
            for (var i = 0; i < Repeat; i++)
            {
                WriteObject(InputObject);
            }
        }
    }
}
