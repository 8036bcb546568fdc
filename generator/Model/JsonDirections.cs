using System;

namespace Contracts.Generator.Model;

/// <summary>
/// Which halves of a type's JSON converter are generated: reading it, writing it, or both. Code the generated client never
/// runs still costs every build of the user's project to compile, so a type only sent is not read and a type only
/// received is not written (<see cref="Passes.JsonDirectionReach"/>); the half left out throws, naming the opt-out.
/// </summary>
[Flags]
internal enum JsonDirections
{
    None = 0,

    /// <summary>The converter reads the type from JSON (a response, an error, a stream item).</summary>
    Read = 1,

    /// <summary>The converter writes the type as JSON (a request body, a parameter sent as JSON).</summary>
    Write = 2,

    Both = Read | Write,
}
