using System.Collections.Generic;
using System.Threading;

namespace Contracts.Benchmarks.Server;

/// <summary>
/// The pets every server answers from: each server copies them once into its own model type, so all three filter the
/// same list and write the same JSON. Creating a pet checks the name against them and hands out the next id without
/// keeping the pet, so every iteration of the benchmark sees the same store (and the same 201, never a 409).
/// </summary>
public static class PetData
{
    public const int Count = 100;
    public const long KnownId = 42;
    public const string NewName = "Bramble";

    private static readonly string[] s_tags = ["a", "b", "c", "d"];
    private static readonly HashSet<string> s_names = BuildNames();
    private static long s_lastId = Count;

    public static IEnumerable<(long Id, string Name, string Tag)> Seed()
    {
        for (long id = 1; id <= Count; id++)
        {
            yield return (id, "pet-" + id, s_tags[id % s_tags.Length]);
        }
    }

    public static bool NameTaken(string name) => s_names.Contains(name);

    public static long NextId() => Interlocked.Increment(ref s_lastId);

    private static HashSet<string> BuildNames()
    {
        var names = new HashSet<string>();
        foreach (var (_, name, _) in Seed())
        {
            names.Add(name);
        }

        return names;
    }
}
