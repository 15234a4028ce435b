using System.Collections.Generic;

namespace KernelVm.Trace
{
    /// <summary>
    /// The most recent kernel events in a ring. The ring grows by doubling until it holds Capacity
    /// events, so an idle machine keeps none of it; from then on recording never allocates.
    /// </summary>
    public sealed class EventLog
    {
        /// <summary>What a machine keeps unless New-VmMachine -EventLogCapacity says otherwise.</summary>
        public const int DefaultCapacity = 4096;

        /// <summary>The smallest ring, the size it first grows to.</summary>
        public const int MinCapacity = 64;

        /// <summary>The largest ring: 2^20 events of about 64 bytes, 64 MiB once full.</summary>
        public const int MaxCapacity = 1 << 20;

        private KernelEvent[] _ring = System.Array.Empty<KernelEvent>();
        private long _next;

        // The oldest sequence the ring still holds, raised when events taken back had overwritten older ones.
        private long _floor;

        /// <summary>A ring of <paramref name="capacity"/> events, which must be a power of two (see <see cref="RoundCapacity"/>).</summary>
        internal EventLog(int capacity = DefaultCapacity)
        {
            Capacity = capacity;
        }

        /// <summary>How many events the ring holds once full; older ones are overwritten.</summary>
        public int Capacity { get; }

        /// <summary>Sequence number of the next event: keep it, and Since() later gives what happened from then on.</summary>
        public long NextSequence => _next;

        /// <summary>The sequence number of the oldest event still held (NextSequence when none is).</summary>
        public long OldestSequence => System.Math.Max(_floor, System.Math.Max(0, _next - Capacity));

        /// <summary>
        /// A requested capacity as the ring takes it: rounded up to a power of two (the ring indexes
        /// with a mask). Outside [MinCapacity, MaxCapacity] it is an error.
        /// </summary>
        public static int RoundCapacity(long requested)
        {
            if (requested < MinCapacity || requested > MaxCapacity)
            {
                throw Errors.BadEventLogCapacity(requested, MinCapacity, MaxCapacity);
            }

            var capacity = MinCapacity;
            while (capacity < requested)
            {
                capacity <<= 1;
            }

            return capacity;
        }

        /// <summary>How many events from <paramref name="from"/> on were overwritten before they could be read.</summary>
        public long LostSince(long from) => System.Math.Max(0, OldestSequence - System.Math.Max(0, from));

        internal void Add(EventKind kind, string? task = null, int cpu = -1, int slot = -1, long pfn = -1, ulong address = 0, int bucket = -1, int count = -1, string? detail = null)
        {
            if (_next == _ring.Length && _ring.Length < Capacity)
            {
                // Not wrapped yet: event i is at index i, so the copy keeps every index.
                System.Array.Resize(ref _ring, System.Math.Min(Capacity, System.Math.Max(MinCapacity, 2 * _ring.Length)));
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
            // The ring as Add() would have grown it by now: a power of two from MinCapacity up to Capacity, at least next long.
            var size = next == 0 ? 0 : MinCapacity;
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
            var start = System.Math.Max(System.Math.Max(System.Math.Max(from, 0), next - Capacity), _floor);
            var list = new List<KernelEvent>((int)System.Math.Max(0, next - start));
            for (var i = start; i < next; i++)
            {
                list.Add(ring[i & (ring.Length - 1)]);
            }

            return list;
        }
    }
}
