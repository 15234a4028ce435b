namespace KernelVm
{
    /// <summary>What a workload needs of the machine beyond the single calls.</summary>
    public sealed partial class Machine
    {
        /// <summary>
        /// Runs several calls under kmap_lock as one step (the lock is reentrant): no other runspace's
        /// call comes between them, so a step and the state read after it are atomic.
        /// </summary>
        internal T Exclusive<T>(System.Func<T> step)
        {
            lock (_kmapLock)
            {
                return step();
            }
        }
    }
}
