using System;

namespace Contracts.Runtime.Streaming;

/// <summary>
/// Reads one item from its UTF-8 JSON bytes; false when the JSON is <c>null</c>. A <see cref="System.Text.Json.JsonException"/>
/// says the bytes are not an item.
/// </summary>
internal delegate bool ItemReader<T>(ReadOnlySpan<byte> data, out T value);
