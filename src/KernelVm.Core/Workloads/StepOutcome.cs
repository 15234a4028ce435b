namespace KernelVm.Workloads
{
    /// <summary>What one step did, before the state after it is read.</summary>
    internal sealed class StepOutcome
    {
        internal StepOutcome(WorkloadOp op, WorkloadTask task, ulong pfn, WorkloadResult result, ulong virtualAddress)
        {
            Op = op;
            Task = task;
            Pfn = pfn;
            Result = result;
            VirtualAddress = virtualAddress;
        }

        internal WorkloadOp Op { get; }

        internal WorkloadTask Task { get; }

        internal ulong Pfn { get; }

        internal WorkloadResult Result { get; set; }

        internal ulong VirtualAddress { get; }

        internal long Step { get; set; }
    }
}
