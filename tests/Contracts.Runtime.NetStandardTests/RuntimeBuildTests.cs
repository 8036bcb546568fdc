using System.Reflection;
using System.Runtime.Versioning;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>
/// The guard of this project: the runtime these tests load is its netstandard2.0 build. Without it, a change to the
/// project reference (or to how restore picks a build) would silently run the net8.0 build twice.
/// </summary>
public sealed class RuntimeBuildTests
{
    [Fact]
    public void The_runtime_under_test_is_the_netstandard20_build()
    {
        var framework = typeof(ApiException).Assembly.GetCustomAttribute<TargetFrameworkAttribute>();

        Assert.Equal(".NETStandard,Version=v2.0", framework?.FrameworkName);
    }

    [Fact]
    public void The_netstandard20_build_has_no_DateOnly_members_so_format_date_stays_a_string()
    {
        // The generator asks the referenced runtime for JsonRead.Date (CompilationFacts.HasDateOnly); this build must not have it.
        Assert.Null(typeof(Contracts.Runtime.Json.JsonRead).GetMethod("Date"));
    }
}
