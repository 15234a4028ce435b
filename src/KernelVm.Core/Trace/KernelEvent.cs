namespace KernelVm.Trace
{
    /// <summary>One step the kernel took. Fields that do not apply are -1 (numbers) or null.</summary>
    public readonly struct KernelEvent
    {
        internal KernelEvent(long sequence, EventKind kind, string? task, int cpu, int slot, long pfn, ulong address, int bucket, int count, string? detail)
        {
            Sequence = sequence;
            Kind = kind;
            Task = task;
            Cpu = cpu;
            Slot = slot;
            Pfn = pfn;
            Address = address;
            Bucket = bucket;
            Count = count;
            Detail = detail;
        }

        /// <summary>Increases by one per event since boot.</summary>
        public long Sequence { get; }

        public EventKind Kind { get; }

        public string? Task { get; }

        public int Cpu { get; }

        /// <summary>The pkmap slot (or fixmap index for atomic kmaps), or -1.</summary>
        public int Slot { get; }

        public long Pfn { get; }

        public ulong Address { get; }

        /// <summary>The page_address_htable bucket, or -1.</summary>
        public int Bucket { get; }

        /// <summary>pkmap_count after the step, or -1.</summary>
        public int Count { get; }

        public string? Detail { get; }
    }
}
