using System;
using System.Collections.Generic;
using System.Globalization;

namespace Contracts.Generator.Translation.Naming;

/// <summary>
/// Hands out names unique within one scope (a namespace, a type's members, a method's parameters). Comparison ignores
/// case because type names become file names, and file systems may ignore case. Deterministic: the same sequence of
/// requests always yields the same names.
/// </summary>
internal sealed class UniqueNameBuilder
{
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.OrdinalIgnoreCase);

    public UniqueNameBuilder(params string[] reserved)
    {
        foreach (var name in reserved)
        {
            _used.Add(name);
        }
    }

    public void Reserve(string name) => _used.Add(name);

    /// <summary>Claims <paramref name="name"/> as it is (shortened like any name), or returns false when it is taken.</summary>
    public bool TryClaim(string name, out string claimed)
    {
        claimed = Identifiers.Shorten(name);
        return _used.Add(claimed);
    }

    /// <summary>Returns <paramref name="preferred"/>, or it with the first free number appended (<c>Name2</c>, <c>Name3</c>…).</summary>
    public string Claim(string preferred)
    {
        preferred = Identifiers.Shorten(preferred);
        if (_used.Add(preferred))
        {
            return preferred;
        }

        // Each name resumes its numbering where it stopped: thousands of equal names stay linear, not quadratic.
        var i = _nextSuffix.TryGetValue(preferred, out var next) ? next : 2;
        for (; ; i++)
        {
            var candidate = preferred + i.ToString(CultureInfo.InvariantCulture);
            if (_used.Add(candidate))
            {
                _nextSuffix[preferred] = i + 1;
                return candidate;
            }
        }
    }
}
