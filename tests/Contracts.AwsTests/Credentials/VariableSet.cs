using System.Collections.Concurrent;
using System.Collections.Generic;
using Contracts.Runtime.Aws;

namespace Contracts.AwsTests.Credentials;

/// <summary>
/// Environment variables for one test, seen by the credential providers through <see cref="AwsEnvironment"/>: the
/// process environment is never read or changed, so tests run in parallel and pass on a machine with AWS configured.
/// Variables may change while a test runs (a key set later, a file rotated).
/// </summary>
public sealed class VariableSet
{
    private readonly ConcurrentDictionary<string, string> _values = new();

    public VariableSet(IDictionary<string, string>? values = null, string? homeDirectory = null)
    {
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            _values[name] = value;
        }

        // A home folder of its own, so that the machine's ~/.aws is never read.
        Environment = new AwsEnvironment
        {
            Variables = name => _values.TryGetValue(name, out var value) ? value : null,
            HomeDirectory = homeDirectory ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "contracts-tests", "no-home"),
        };
    }

    public AwsEnvironment Environment { get; }

    public string this[string name]
    {
        set => _values[name] = value;
    }
}
