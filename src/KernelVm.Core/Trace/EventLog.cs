using System.Collections.Generic;

namespace KernelVm.Trace
{
    /// <summary>
    /// The most recent kernel events in a ring. The ring grows by doubling until it holds Capacity
    /// events, so an idle machine keeps none of it; from then on recording never allocates.
    /// </summary>
    public sealed class EventLog
    {
        public const int Capacity = 4096;
        private const int FirstSize = 64;

        private KernelEvent[] _ring = System.Array.Empty<KernelEvent>();
        private long _next;

        // The oldest sequence the ring still holds, raised when events taken back had overwritten older ones.
        private long _floor;

        /// <summary>Sequence number of the next event.</summary>
        public long NextSequence => _next;

        internal void Add(EventKind kind, string? task = null, int cpu = -1, int slot = -1, long pfn = -1, ulong address = 0, int bucket = -1, int count = -1, string? detail = null)
        {
            if (_next == _ring.Length && _ring.Length < Capacity)
            {
                // Not wrapped yet: event i is at index i, so the copy keeps every index.
                System.Array.Resize(ref _ring, System.Math.Max(FirstSize, 2 * _ring.Length));
            }

            _ring[_next & (_ring.Length - 1)] = new KernelEvent(_next, kind, task, cpu, slot, pfn, address, bucket, count, detail);
            _next++;
        }

        /// <summary>
        /// Replaces the log with saved events: the events held before <paramref name="next"/>,
        /// at most Capacity, oldest first and consecutive (the caller has checked their sequence numbers).
        /// </summary>
        internal void Restore(long next, IReadOnlyList<KernelEvent> events)
        {
            // The ring as Add() would have grown it by now: a power of two from FirstSize up to Capacity, at least next long.
            var size = next == 0 ? 0 : FirstSize;
            while (size < Capacity && size < next)
            {
                size *= 2;
            }

            _ring = new KernelEvent[size];
            foreach (var e in events)
            {
                _ring[e.Sequence & (size - 1)] = e;
            }

            _next = next;
            _floor = next - events.Count;
        }

        /// <summary>Takes back the events from <paramref name="sequence"/> on, recorded by a call that then failed.</summary>
        internal void Truncate(long sequence)
        {
            _floor = System.Math.Max(_floor, _next - Capacity);
            _next = sequence;
        }

        /// <summary>The events with a sequence number at or after <paramref name="from"/> still held, oldest first.</summary>
        public IReadOnlyList<KernelEvent> Since(long from)
        {
            // The count first, then the ring: a ring grown since still holds every event below the count.
            var next = _next;
            var ring = _ring;
            var start = System.Math.Max(System.Math.Max(from, next - Capacity), _floor);
            var list = new List<KernelEvent>((int)System.Math.Max(0, next - start));
            for (var i = start; i < next; i++)
            {
                list.Add(ring[i & (ring.Length - 1)]);
            }

            return list;
        }
    }
}
