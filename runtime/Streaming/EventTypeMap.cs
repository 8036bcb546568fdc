using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Runtime.Streaming;

/// <summary>
/// The item type a server-sent event's name chooses: an event whose <c>event</c> field is in the map is read as that
/// member type and wrapped into the stream's item type; any other event is read with the stream's own type. Generated
/// clients build one per stream into a static field; it is plumbing.
/// </summary>
/// <typeparam name="T">The stream's item type (a union of the member types).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EventTypeMap<T>
{
    private readonly Dictionary<string, ItemReader<T>> _readers = new(StringComparer.Ordinal);

    /// <summary>Reads events named <paramref name="eventName"/> as <typeparamref name="TMember"/>, then wraps them with <paramref name="wrap"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty or already mapped.</exception>
    public EventTypeMap<T> Add<TMember>(string eventName, JsonTypeInfo<TMember> typeInfo, Func<TMember, T> wrap)
    {
        if (string.IsNullOrEmpty(eventName))
        {
            throw new ArgumentException("An event name is required.", nameof(eventName));
        }

        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        if (wrap is null)
        {
            throw new ArgumentNullException(nameof(wrap));
        }

        if (_readers.ContainsKey(eventName))
        {
            throw new ArgumentException("The event name '" + eventName + "' is mapped twice.", nameof(eventName));
        }

        _readers.Add(eventName, (ReadOnlySpan<byte> data, out T value) =>
        {
            var member = JsonSerializer.Deserialize(data, typeInfo);
            if (member is null)
            {
                value = default!;
                return false;
            }

            value = wrap(member);
            return true;
        });
        return this;
    }

    /// <summary>The reader of events named <paramref name="eventType"/>, or null when the name is not mapped.</summary>
    internal ItemReader<T>? Find(string? eventType) =>
        eventType is not null && _readers.TryGetValue(eventType, out var reader) ? reader : null;
}
