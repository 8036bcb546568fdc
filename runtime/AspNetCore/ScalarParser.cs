using System.ComponentModel;

namespace Contracts.Runtime.AspNetCore;

/// <summary>Turns one piece of parameter text into a value; false when the text is not a valid spelling of it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool ScalarParser<T>(string text, out T value);
