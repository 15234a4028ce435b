namespace KernelVm.Tasks
{
    public enum TaskState
    {
        /// <summary>TASK_RUNNING.</summary>
        Running,
        /// <summary>TASK_UNINTERRUPTIBLE on pkmap_map_wait, inside kmap_high().</summary>
        Blocked,
    }
}
