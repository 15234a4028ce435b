namespace KernelVm.Workloads
{
    /// <summary>Which page of the workload's page set the next kmap or kmap_atomic takes.</summary>
    public enum WorkloadPattern
    {
        /// <summary>The pages in order, one after another across all tasks, starting again after the last.</summary>
        Sequential,
        /// <summary>Any page, each as likely as the others.</summary>
        Random,
        /// <summary>
        /// The first HotPercent of the pages (20 by default) are hot and take HotAccessPercent of the
        /// picks (80 by default), each hot page as likely as another; the rest share the other picks.
        /// </summary>
        HotCold,
    }
}
