using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Lookup;

/// <summary>
/// The per-responsibility answers of lookups, kept as the JSON they are written as. Working an
/// answer out is cheap; writing its JSON is most of a lookup's cost, and thousands of places share
/// one answer (every point of a Kreis whose Jugendamt covers the Kreis).
/// <para>An answer is a function of the directory snapshot, the responsibility, the criteria, the
/// minute (every schedule change falls on a whole minute: windows, exceptions and holidays are
/// local minutes or dates in Europe/Berlin, whose offsets are whole hours) and, of the place, only
/// what coverage can match: the keys of its region chain that some service covers and the custom
/// polygons that contain the point. Those are the key. A gap also names the place ("nobody covers
/// it at Musterdorf (…)"): a gap is kept as the JSON before and after that name, and the name of
/// each place is written between them.</para>
/// <para>Only the current minute of the current snapshot is kept; a new minute or snapshot starts an
/// empty generation, and a generation stops taking entries at <see cref="MaxBytes"/>. Lookups for
/// another minute (an explicit past or future <c>at</c>) are answered without the cache.</para>
/// </summary>
public sealed class AnswerCache
{
    public const long MaxBytes = 8 * 1024 * 1024;

    /// <summary>Stands for the place's name while a gap is built; private-use characters that no region name has.</summary>
    private const string PlaceholderName = "\uE000place\uE001";

    private readonly JsonSerializerOptions _options;
    private readonly JsonTypeInfo<ResponsibilityAnswer> _typeInfo;
    private readonly TimeProvider _clock;

    /// <summary>JSON written once per long-lived object (see <see cref="WrittenOnce"/>), and each region's name as a gap writes it.</summary>
    private readonly ConditionalWeakTable<object, byte[]> _writtenOnce = new();
    private readonly ConditionalWeakTable<SnapshotRegion, byte[]> _placeNames = new();

    // Created once: a lambda that captures 'this' would be a new delegate on every lookup.
    private readonly ConditionalWeakTable<object, byte[]>.CreateValueCallback _write;
    private readonly ConditionalWeakTable<SnapshotRegion, byte[]>.CreateValueCallback _encodePlaceName;

    /// <summary>The criteria key without filters, per visibility list (the callers' lists are shared).</summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, string> UnfilteredKeys = new();

    private Generation? _current;

    /// <summary>The application's JSON options (Microsoft.AspNetCore.Http.Json.JsonOptions), which every answer is written with.</summary>
    public JsonSerializerOptions Options => _options;

    public AnswerCache(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider clock)
    {
        _options = json.Value.SerializerOptions;
        _typeInfo = (JsonTypeInfo<ResponsibilityAnswer>)_options.GetTypeInfo(typeof(ResponsibilityAnswer));
        _clock = clock;
        _write = value => JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), _options);
        _encodePlaceName = region => Encoded(AnswerBuilder.Describe(region));
    }

    /// <summary>A responsibility's answer as JSON, with what the response needs to know about it.</summary>
    /// <param name="Json">The JSON; for a gap, the part before the place's name.</param>
    /// <param name="Status">The answer's status: covered or gap.</param>
    /// <param name="NextChange">The earliest reachability change among its agencies and fallbacks.</param>
    /// <param name="AfterPlaceName">For a gap: the JSON after the place's name.</param>
    public sealed record Entry(byte[] Json, string Status, bool ContainsSample, DateTimeOffset? NextChange, byte[]? AfterPlaceName = null);

    /// <summary>An answer for one place: the entry and, for a gap, the place's name as JSON string content.</summary>
    public readonly record struct Answer(Entry Entry, byte[] PlaceName)
    {
        public bool ContainsSample => Entry.ContainsSample;

        public string Status => Entry.Status;

        public DateTimeOffset? NextChange => Entry.NextChange;

        public int Length => Entry.Json.Length + (Entry.AfterPlaceName is null ? 0 : PlaceName.Length + Entry.AfterPlaceName.Length);

        public void WriteTo(Utf8JsonWriter writer)
        {
            if (Entry.AfterPlaceName is null)
            {
                writer.WriteRawValue(Entry.Json, skipInputValidation: true);
                return;
            }
            var buffer = ArrayPool<byte>.Shared.Rent(Length);
            CopyTo(buffer);
            writer.WriteRawValue(buffer.AsSpan(0, Length), skipInputValidation: true);
            ArrayPool<byte>.Shared.Return(buffer);
        }

        public byte[] ToArray()
        {
            var json = new byte[Length];
            CopyTo(json);
            return json;
        }

        private void CopyTo(Span<byte> target)
        {
            Entry.Json.CopyTo(target);
            if (Entry.AfterPlaceName is { } after)
            {
                PlaceName.CopyTo(target[Entry.Json.Length..]);
                after.CopyTo(target[(Entry.Json.Length + PlaceName.Length)..]);
            }
        }
    }

    private readonly record struct Key(string Responsibility, string Criteria, string Place);

    private sealed class Generation(DirectorySnapshot snapshot, long minute)
    {
        public DirectorySnapshot Snapshot { get; } = snapshot;
        public long Minute { get; } = minute;
        public ConcurrentDictionary<Key, Entry> Entries { get; } = new();
        public long Bytes;
    }

    /// <summary>The answers for each responsibility of the criteria at the place, in order.</summary>
    public Answer[] Answers(DirectorySnapshot snapshot, ResolvedPlace place, LookupCriteria criteria, ScheduleEvaluator schedules)
    {
        var answers = new Answer[criteria.Responsibilities.Count];
        var generation = GenerationFor(snapshot, criteria.At);
        if (generation is null)
        {
            for (var i = 0; i < answers.Length; i++)
            {
                answers[i] = new Answer(Create(AnswerBuilder.Answer(snapshot, place, criteria, criteria.Responsibilities[i], schedules)), []);
            }
            return answers;
        }

        var criteriaKey = CriteriaKey(criteria);
        var placeKey = CoverageKey(snapshot, place);
        for (var i = 0; i < answers.Length; i++)
        {
            var responsibility = criteria.Responsibilities[i];
            var key = new Key(responsibility, criteriaKey, placeKey);
            if (!generation.Entries.TryGetValue(key, out var entry))
            {
                entry = Build(AnswerBuilder.Answer(snapshot, place, criteria, responsibility, schedules, PlaceholderName));
                if (Interlocked.Read(ref generation.Bytes) < MaxBytes && generation.Entries.TryAdd(key, entry))
                {
                    Interlocked.Add(ref generation.Bytes, entry.Json.Length + (entry.AfterPlaceName?.Length ?? 0) + placeKey.Length * 2 + 128);
                }
            }
            answers[i] = new Answer(entry, entry.AfterPlaceName is null ? [] : PlaceName(place));
        }
        return answers;
    }

    /// <summary>
    /// The JSON of a long-lived object that every answer shows (a snapshot's <see cref="RegionRef"/>, the
    /// boundary index's source notes), written on first use and kept as long as the object lives.
    /// </summary>
    public byte[] WrittenOnce(object value) => _writtenOnce.GetValue(value, _write);

    /// <summary>Serialises an answer built outside the cache (for example one marked for an ambiguous postal code).</summary>
    public Entry Create(ResponsibilityAnswer answer)
    {
        DateTimeOffset? next = null;
        var sample = false;
        foreach (var agency in answer.Agencies.Concat(answer.Fallbacks))
        {
            sample |= agency.Sample;
            if (agency.NextChange is { } change && (next is null || change < next))
            {
                next = change;
            }
        }
        return new Entry(JsonSerializer.SerializeToUtf8Bytes(answer, _typeInfo), answer.Status, sample, next);
    }

    /// <summary>The entry to keep; a gap (built with the placeholder name) is split around the placeholder.</summary>
    private Entry Build(ResponsibilityAnswer answer)
    {
        var entry = Create(answer);
        if (answer.Status != "gap")
        {
            return entry;
        }
        var placeholder = JsonEncodedText.Encode(PlaceholderName, _options.Encoder).EncodedUtf8Bytes;
        var at = entry.Json.AsSpan().IndexOf(placeholder);
        return at < 0 ? entry : entry with { Json = entry.Json[..at], AfterPlaceName = entry.Json[(at + placeholder.Length)..] };
    }

    /// <summary>How a gap names the place (its most specific region), as JSON string content; written once per region.</summary>
    private byte[] PlaceName(ResolvedPlace place) =>
        place.Chain.Count == 0
            ? Encoded(AnswerBuilder.Describe(place))
            : _placeNames.GetValue(place.Chain[0], _encodePlaceName);

    private byte[] Encoded(string text) => JsonEncodedText.Encode(text, _options.Encoder).EncodedUtf8Bytes.ToArray();

    private Generation? GenerationFor(DirectorySnapshot snapshot, DateTimeOffset at)
    {
        var minute = at.UtcTicks / TimeSpan.TicksPerMinute;
        if (minute != _clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerMinute)
        {
            return null;
        }
        var current = Volatile.Read(ref _current);
        if (current is not null && ReferenceEquals(current.Snapshot, snapshot) && current.Minute == minute)
        {
            return current;
        }
        // A new minute or a new snapshot: start empty. When another request swapped first, use its
        // generation if it is the one needed, else answer this one without the cache.
        var next = new Generation(snapshot, minute);
        var seen = Interlocked.CompareExchange(ref _current, next, current);
        if (seen == current)
        {
            return next;
        }
        return ReferenceEquals(seen!.Snapshot, snapshot) && seen.Minute == minute ? seen : null;
    }

    private static string CriteriaKey(LookupCriteria c) =>
        c is { ExploitationForm: null, Age: null, Unaccompanied: null, Language: null }
            ? UnfilteredKeys.GetValue(c.Visibilities, static v => "||||" + string.Join(',', v))
            : $"{c.ExploitationForm}|{c.Age}|{c.Unaccompanied}|{c.Language}|{string.Join(',', c.Visibilities)}";

    /// <summary>What of the place coverage can match: the covered keys of its chain and the custom polygons containing the point.</summary>
    internal static string CoverageKey(DirectorySnapshot snapshot, ResolvedPlace place)
    {
        var key = new StringBuilder(48);
        foreach (var region in place.Chain)
        {
            if (snapshot.CoverageByRegion.ContainsKey(region.Key))
            {
                key.Append(region.Key).Append(':').Append(region.Level).Append(' ');
            }
        }
        if (place.Point is { } point)
        {
            foreach (var service in snapshot.PolygonServices)
            {
                if (service.Polygon!.Contains(point.Latitude, point.Longitude))
                {
                    key.Append('@').Append(service.Id).Append(' ');
                }
            }
        }
        return key.ToString();
    }
}
