using System;

namespace Contracts.Generator.Model;

/// <summary>
/// The code generated from a document that moves its types: the client, which writes requests and reads responses, and the
/// ASP.NET Core server, which reads requests and writes responses; <see cref="Passes.JsonDirectionReach"/> turns each side's
/// requests and responses into directions.
/// </summary>
[Flags]
internal enum GeneratedSides
{
    None = 0,

    /// <summary>The HTTP client: request bodies and parameters are written, responses, errors and streams read.</summary>
    Client = 1,

    /// <summary>The ASP.NET Core endpoints: request bodies and parameters are read, responses written.</summary>
    Server = 2,
}
