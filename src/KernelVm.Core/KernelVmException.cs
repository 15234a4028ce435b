using System;

namespace KernelVm
{
    /// <summary>What kind of failure a <see cref="KernelVmException"/> is, so a front end can categorise it.</summary>
    public enum FailureKind
    {
        /// <summary>A value the operation cannot take: a forbidden configuration, an address outside the range it covers.</summary>
        InvalidArgument,
        /// <summary>Something the kernel would BUG() on, or that is impossible in the machine's current state.</summary>
        InvalidOperation,
        /// <summary>A named thing (a task, a machine part) that does not exist.</summary>
        NotFound,
        /// <summary>Data the model reads (a saved machine) that is malformed or contradicts itself.</summary>
        InvalidData,
    }

    /// <summary>
    /// A request the model refuses. The machine is unchanged when one is thrown.
    /// <see cref="ErrorId"/> is stable: scripts and Pester tests match on it.
    /// </summary>
    public sealed class KernelVmException : Exception
    {
        internal KernelVmException(string errorId, FailureKind kind, object? target, string message)
            : base(message)
        {
            ErrorId = errorId;
            Kind = kind;
            Target = target;
        }

        public string ErrorId { get; }

        public FailureKind Kind { get; }

        /// <summary>The offending value.</summary>
        public object? Target { get; }
    }
}
