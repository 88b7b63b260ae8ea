using System.Runtime.ExceptionServices;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// Runs work items on worker threads and hands their results back in item order, while the caller consumes them: the
/// workers run at most a window of items ahead of the caller, so memory stays bounded, and they never wait for each
/// other. The reach matrix's sources differ a lot in cost (a hub subnet against every spoke, a spoke subnet against a
/// few); batches with a barrier left a core idle behind the slowest source of each batch, and the caller's writing of
/// the rows then stopped every core.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>The results of <paramref name="work"/> for items 0 … <paramref name="count"/> - 1, in that order.</summary>
    public static IEnumerable<T> Run<T>(int count, Func<int, T> work, int workers, int window)
        where T : class
    {
        if (count == 0)
        {
            yield break;
        }

        var results = new T?[count];
        var gate = new object();
        ExceptionDispatchInfo? failure = null;
        var next = -1;
        using var slots = new SemaphoreSlim(Math.Max(1, window));
        using var stop = new CancellationTokenSource();

        void Work()
        {
            try
            {
                while (true)
                {
                    slots.Wait(stop.Token);
                    var item = Interlocked.Increment(ref next);
                    if (item >= count)
                    {
                        return;
                    }

                    var result = work(item);
                    lock (gate)
                    {
                        results[item] = result;
                        Monitor.PulseAll(gate);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The caller stopped reading: nothing more is wanted.
            }
            catch (Exception exception)
            {
                lock (gate)
                {
                    failure ??= ExceptionDispatchInfo.Capture(exception);
                    Monitor.PulseAll(gate);
                }
            }
        }

        var threads = new Task[Math.Clamp(workers, 1, count)];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        try
        {
            for (var item = 0; item < count; item++)
            {
                T? result;
                lock (gate)
                {
                    while ((result = results[item]) is null)
                    {
                        failure?.Throw();
                        Monitor.Wait(gate);
                    }

                    results[item] = null;
                }

                slots.Release();
                yield return result;
            }
        }
        finally
        {
            stop.Cancel();
            Task.WaitAll(threads);
        }
    }
}
