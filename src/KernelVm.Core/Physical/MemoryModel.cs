namespace KernelVm.Physical
{
    /// <summary>How pfn_to_page() finds a struct page (include/asm-generic/memory_model.h).</summary>
    public enum MemoryModel
    {
        /// <summary>One mem_map for all RAM: mem_map + pfn.</summary>
        Flatmem,
        /// <summary>One node_mem_map per node: NODE_DATA(nid)->node_mem_map + (pfn - node_start_pfn).</summary>
        Discontigmem,
        /// <summary>A virtually contiguous map: vmemmap + pfn (x86-64).</summary>
        SparsememVmemmap,
    }
}
