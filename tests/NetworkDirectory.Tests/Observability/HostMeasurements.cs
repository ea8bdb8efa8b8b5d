using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace NetworkDirectory.Tests.Observability;

/// <summary>
/// Listens to the instruments of one test host only: its meters come from its own
/// <see cref="IMeterFactory"/> (Meter.Scope), so hosts running in parallel in other tests never count here.
/// </summary>
internal sealed class HostMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _measured = new();
    private readonly ConcurrentQueue<Measured> _observed = new();

    public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

    public HostMeasurements(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of the instrument's measurements whose tags include all of <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, object? Value)[] tags) =>
        _measured.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value))).Sum(m => m.Value);

    public int Count(string instrument, params (string Key, object? Value)[] tags) =>
        _measured.Count(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)));

    /// <summary>The current values of the observable gauges, by instrument name.</summary>
    public IReadOnlyDictionary<string, double> Observe()
    {
        _observed.Clear();
        _listener.RecordObservableInstruments();
        return _observed.GroupBy(m => m.Instrument).ToDictionary(g => g.Key, g => g.Last().Value);
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }
        (instrument.IsObservable ? _observed : _measured).Enqueue(new Measured(instrument.Name, value, copy));
    }
}
