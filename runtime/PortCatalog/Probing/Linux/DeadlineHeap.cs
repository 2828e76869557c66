using System;

namespace PortCatalog.Probing;

/// <summary>
/// A binary min-heap of probes ordered by <see cref="ProbeOperation.Deadline"/>, indexed so a probe that finishes
/// early leaves in O(log n). Not thread-safe: its loop guards it with a lock. Grows by doubling, then stays allocated.
/// </summary>
internal sealed class DeadlineHeap
{
    private ProbeOperation[] _items = new ProbeOperation[64];

    public int Count { get; private set; }

    /// <summary>The earliest deadline; only valid when <see cref="Count"/> is not zero.</summary>
    public ProbeOperation Peek() => _items[0];

    public void Add(ProbeOperation operation)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        var index = Count++;
        _items[index] = operation;
        operation.HeapIndex = index;
        SiftUp(index);
    }

    public void Remove(ProbeOperation operation)
    {
        var index = operation.HeapIndex;
        operation.HeapIndex = -1;
        var last = --Count;
        if (index != last)
        {
            var moved = _items[last];
            _items[index] = moved;
            moved.HeapIndex = index;
            SiftDown(index);
            SiftUp(moved.HeapIndex);
        }

        _items[last] = null!;
    }

    private void SiftUp(int index)
    {
        var item = _items[index];
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (_items[parent].Deadline <= item.Deadline)
            {
                break;
            }

            Place(_items[parent], index);
            index = parent;
        }

        Place(item, index);
    }

    private void SiftDown(int index)
    {
        var item = _items[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && _items[child + 1].Deadline < _items[child].Deadline)
            {
                child++;
            }

            if (item.Deadline <= _items[child].Deadline)
            {
                break;
            }

            Place(_items[child], index);
            index = child;
        }

        Place(item, index);
    }

    private void Place(ProbeOperation item, int index)
    {
        _items[index] = item;
        item.HeapIndex = index;
    }
}
