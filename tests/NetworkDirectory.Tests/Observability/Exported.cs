using System.Collections.ObjectModel;

namespace NetworkDirectory.Tests.Observability;

/// <summary>
/// What an in-memory exporter received, safe to read while the server adds to it. ASP.NET Core ends a
/// request's span (and records its duration) just after the response reached the test client, so a
/// test waits for the item it expects instead of assuming it is already there.
/// </summary>
internal sealed class Exported<T> : Collection<T>
{
    private readonly Lock _lock = new();

    /// <summary>The first item that matches, once one arrived; fails after a generous bound (a lost item, not a slow one).</summary>
    public T WaitFor(Func<T, bool> match)
    {
        T? found = default;
        var arrived = SpinWait.SpinUntil(() =>
        {
            lock (_lock)
            {
                foreach (var item in this)
                {
                    if (match(item))
                    {
                        found = item;
                        return true;
                    }
                }
                return false;
            }
        }, TimeSpan.FromSeconds(30));
        Assert.True(arrived, "the exporter received the expected item");
        return found!;
    }

    protected override void InsertItem(int index, T item)
    {
        lock (_lock)
        {
            base.InsertItem(index, item);
        }
    }

    protected override void ClearItems()
    {
        lock (_lock)
        {
            base.ClearItems();
        }
    }
}
