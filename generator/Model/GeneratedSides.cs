using System;

namespace Contracts.Generator.Model;

/// <summary>
/// The code generated from a document that moves its types: today the client, which writes requests and reads responses.
/// A server (issue 20) reads requests and writes responses; <see cref="Passes.JsonDirectionReach"/> turns each side's
/// requests and responses into directions, so adding one is a flag here and a line there.
/// </summary>
[Flags]
internal enum GeneratedSides
{
    None = 0,

    /// <summary>The HTTP client: request bodies and parameters are written, responses, errors and streams read.</summary>
    Client = 1,
}
