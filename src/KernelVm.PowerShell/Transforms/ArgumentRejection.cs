using System;
using System.Management.Automation;

namespace KernelVm.PowerShell.Transforms
{
    /// <summary>
    /// A value a transformation could not read, kept instead of thrown. PowerShell turns an exception
    /// thrown while binding into its own ParameterArgumentTransformationError with no TargetObject;
    /// carried to the cmdlet, the value is reported with KernelVm's error id and as the TargetObject,
    /// before the cmdlet changes anything (see <see cref="Commands.KernelVmCommand"/>).
    /// </summary>
    internal sealed class ArgumentRejection
    {
        internal ArgumentRejection(object? input, string errorId, string message)
        {
            Input = input;
            ErrorId = errorId;
            Message = message;
        }

        internal object? Input { get; }

        internal string ErrorId { get; }

        internal string Message { get; }

        internal ErrorRecord ToErrorRecord() => new(new ArgumentException(Message), ErrorId, ErrorCategory.InvalidArgument, Input);
    }
}
