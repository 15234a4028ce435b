using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// The base of every KernelVm cmdlet: before any work, it reports the arguments the
    /// transformations could not read (<see cref="ArgumentRejection"/>), so that bad input gets
    /// KernelVm's error id with the value as TargetObject, and nothing is half done. Arguments given
    /// on the command line end the command; a piped one costs only its own input.
    /// </summary>
    public abstract class KernelVmCommand : PSCmdlet
    {
        /// <summary>The parameters given on the command line (bound before the first input), not from the pipeline.</summary>
        protected System.Collections.Generic.ICollection<string> CommandLineParameters { get; private set; } = new string[0];

        protected sealed override void BeginProcessing()
        {
            CommandLineParameters = new System.Collections.Generic.HashSet<string>(MyInvocation.BoundParameters.Keys, System.StringComparer.OrdinalIgnoreCase);
            if (FirstInvalidArgument() is { } error)
            {
                ThrowTerminatingError(error);
            }
        }

        protected sealed override void ProcessRecord()
        {
            if (FirstInvalidArgument() is { } error)
            {
                WriteError(error);
                return;
            }

            ProcessInput();
        }

        /// <summary>The cmdlet's work for one input, once every argument has been read.</summary>
        protected abstract void ProcessInput();

        /// <summary>Checks the arguments a cmdlet resolves itself (a machine's name); null when they are good.</summary>
        protected virtual ErrorRecord? CheckArguments() => null;

        private ErrorRecord? FirstInvalidArgument()
        {
            foreach (var value in MyInvocation.BoundParameters.Values)
            {
                switch (value)
                {
                    case Address { Rejection: { } rejection }:
                        return rejection.ToErrorRecord();
                    case Address[] list:
                        foreach (var address in list)
                        {
                            if (address.Rejection is { } r)
                            {
                                return r.ToErrorRecord();
                            }
                        }

                        break;
                }
            }

            return CheckArguments();
        }
    }
}
