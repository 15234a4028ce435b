namespace KernelVm.Core.Tests;

/// <summary>
/// A deliberately plain re-statement of mm/highmem.c's rules (kernel-model.md §3), written
/// independently of the model: lists and dictionaries, no hash, no intrusive lists.
/// </summary>
internal sealed class ReferencePkmap
{
    private readonly int _n;

    public ReferencePkmap(int n)
    {
        _n = n;
        Count = new int[n];
        Slot = new ulong?[n];
    }

    public int[] Count { get; }

    /// <summary>The pfn each slot's PTE maps.</summary>
    public ulong?[] Slot { get; }

    public int Last { get; private set; }

    public int Flushes { get; private set; }

    public List<(string Task, ulong Pfn)> Waiters { get; } = new();

    public int? SlotOf(ulong pfn)
    {
        for (var i = 0; i < _n; i++)
        {
            if (Slot[i] == pfn)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Returns the slot, or -1 when the task went to sleep.</summary>
    public int Kmap(string task, ulong pfn)
    {
        if (Waiters.Any(w => w.Task == task))
        {
            throw new InvalidOperationException("blocked");
        }

        return KmapHigh(task, pfn);
    }

    public void Kunmap(ulong pfn)
    {
        var slot = SlotOf(pfn) ?? throw new InvalidOperationException("not mapped");
        if (Count[slot] == 1)
        {
            throw new InvalidOperationException("count to zero");
        }

        Count[slot]--;
        if (Count[slot] == 1 && Waiters.Count > 0)
        {
            var woken = Waiters.ToList();
            Waiters.Clear();
            foreach (var (task, waitPfn) in woken)
            {
                KmapHigh(task, waitPfn);
            }
        }
    }

    private int KmapHigh(string task, ulong pfn)
    {
        var slot = SlotOf(pfn);
        if (slot is null)
        {
            var budget = _n;
            while (true)
            {
                Last = (Last + 1) % _n;
                if (Last == 0)
                {
                    Flush();
                    budget = _n;
                }

                if (Count[Last] == 0)
                {
                    break;
                }

                budget--;
                if (budget == 0)
                {
                    Waiters.Add((task, pfn));
                    return -1;
                }
            }

            slot = Last;
            Slot[Last] = pfn;
            Count[Last] = 1;
        }

        Count[slot.Value]++;
        return slot.Value;
    }

    private void Flush()
    {
        for (var i = 0; i < _n; i++)
        {
            if (Count[i] == 1)
            {
                Count[i] = 0;
                Slot[i] = null;
            }
        }

        Flushes++;
    }
}
