using System.Collections.Generic;

namespace KernelVm.Workloads
{
    /// <summary>One of a workload's tasks, as the workload sees it: the kmaps it holds, and whether it sleeps in kmap().</summary>
    public sealed class WorkloadTask
    {
        private readonly List<HeldKmap> _held = new();

        internal WorkloadTask(string name)
        {
            Name = name;
        }

        public string Name { get; }

        /// <summary>Asleep on pkmap_map_wait: it runs no step until a kunmap wakes it.</summary>
        public bool Blocked { get; internal set; }

        /// <summary>The kmaps the task holds, in no particular order (a kunmap moves the last one into the gap).</summary>
        public IReadOnlyList<HeldKmap> Held => _held;

        internal void Hold(ulong pfn, ulong virtualAddress) => _held.Add(new HeldKmap(pfn, virtualAddress));

        /// <summary>Drops the kmap at <paramref name="index"/> in O(1), keeping the order deterministic.</summary>
        internal void Release(int index)
        {
            _held[index] = _held[_held.Count - 1];
            _held.RemoveAt(_held.Count - 1);
        }
    }
}
