using Contracts.Generator.Model;
using Contracts.Generator.Passes;
using Xunit;
using static Contracts.Generator.Tests.Passes.HandBuiltModels;

namespace Contracts.Generator.Tests.Passes;

/// <summary>A discriminated case that keeps additional properties skips the discriminator it does not declare.</summary>
public sealed class DiscriminatorSkippingTests
{
    private static readonly ExtraMembersModel Extra = new("AdditionalProperties", TypeRef.String);

    [Fact]
    public void A_case_record_with_additional_properties_skips_each_discriminator_it_is_written_with()
    {
        var model = Spec(
            records: new[] { NewRecord("Cat", Extra), NewRecord("Dog") },
            unions: new[]
            {
                NewUnion("Pet", "kind", Case("Cat", Record("Cat"), UnionToken.Object, new[] { "cat" }, writesDiscriminator: true), Case("Dog", Record("Dog"), UnionToken.Object, new[] { "dog" }, writesDiscriminator: true)),
                NewUnion("Animal", "type", Case("Cat", Record("Cat"), UnionToken.Object, new[] { "cat" }, writesDiscriminator: true)),
            });

        var result = DiscriminatorSkipping.Apply(model);

        // Sorted and once each; Dog keeps no additional properties, so a discriminator never lands in them.
        Assert.Equal(new[] { "kind", "type" }, result.Records[0].SkippedMembers);
        Assert.True(result.Records[1].SkippedMembers.IsEmpty);
    }

    [Fact]
    public void A_record_that_declares_the_discriminator_or_is_in_an_undiscriminated_union_skips_nothing()
    {
        var model = Spec(
            records: new[] { NewRecord("Cat", Extra) },
            unions: new[]
            {
                NewUnion("Pet", "kind", Case("Cat", Record("Cat"), UnionToken.Object, new[] { "cat" }, writesDiscriminator: false)),
                NewUnion("Loose", null, Case("Cat", Record("Cat"), UnionToken.Object)),
            });

        var result = DiscriminatorSkipping.Apply(model);

        Assert.Equal(model, result);
        Assert.True(result.Records[0].SkippedMembers.IsEmpty);
    }
}
