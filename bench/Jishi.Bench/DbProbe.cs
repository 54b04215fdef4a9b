using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jishi.Bench;

/// <summary>
/// Counts the SQL commands EF Core executes in this process and their execution time (from EF Core's diagnostic
/// events: time to execute the command, not to read its rows), by command text. The bench sends one request at a
/// time, so the totals between two snapshots belong to the requests in between.
/// </summary>
public sealed class DbProbe : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> subscriptions = [];
    private long commands;
    private long ticks;

    private DbProbe()
    {
    }

    public ConcurrentDictionary<string, (int Count, TimeSpan Time)> ByCommand { get; } = new();

    public bool RecordText { get; set; }

    public static DbProbe Start()
    {
        var probe = new DbProbe();
        probe.subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(probe));
        return probe;
    }

    public (long Commands, TimeSpan Time) Snapshot() => (Interlocked.Read(ref commands), TimeSpan.FromTicks(Interlocked.Read(ref ticks)));

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data)
        {
            Interlocked.Increment(ref commands);
            Interlocked.Add(ref ticks, data.Duration.Ticks);
            if (RecordText)
            {
                ByCommand.AddOrUpdate(data.Command.CommandText, (1, data.Duration), (_, old) => (old.Count + 1, old.Time + data.Duration));
            }
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (subscriptions)
        {
            foreach (var s in subscriptions)
            {
                s.Dispose();
            }

            subscriptions.Clear();
        }
    }
}
