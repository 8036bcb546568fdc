using System;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.IntegrationTests.Overrides;

/// <summary>
/// The generated context's hook, implemented as a user would: a type of the user's that carries no converter
/// (<see cref="Contracts.Tests.Billing.PostalAddress"/>) gets its metadata from the user's own source-generated context.
/// </summary>
public sealed partial class OverridesJsonContext
{
    static partial void GetUserTypeInfo(Type type, ref JsonTypeInfo? typeInfo) =>
        typeInfo = Contracts.Tests.Billing.BillingJsonContext.Default.GetTypeInfo(type);
}
