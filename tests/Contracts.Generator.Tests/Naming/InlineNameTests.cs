using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Naming;

/// <summary>
/// Specs/naming.yaml, read by symbol from the output compilation: inline schemas named from their titles, one type per
/// title and shape, different shapes under one title told apart by the member they sit under (or where they are used),
/// component names kept, and union cases named by component name, else discriminator value, title, constant, type name,
/// then position.
/// </summary>
public sealed class InlineNameTests
{
    private const string Ns = NamingSnapshotTests.Namespace + ".";

    private static readonly Lazy<Compilation> s_output = new(() =>
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput(NamingSnapshotTests.Spec, NamingSnapshotTests.Namespace, NamingSnapshotTests.ClientName));
        run.AssertNoGeneratorDiagnostics();
        return run.OutputCompilation;
    });

    [Fact]
    public void An_inline_schema_with_a_title_is_named_after_it_and_the_same_shape_is_one_type()
    {
        // address and shipping declare the same shape under one title (their descriptions differ): one record.
        Assert.Equal("Contracts.Runtime.Clearable<" + Ns + "OptionalFieldsAddress>", PropertyType("CreateCustomerRequest", "Address"));
        Assert.Equal("Contracts.Runtime.Clearable<" + Ns + "OptionalFieldsAddress>", PropertyType("CreateCustomerRequest", "Shipping"));
        Assert.Null(Type("CreateCustomerRequestShipping"));
        Assert.Null(Type("OptionalFieldsAddress2"));

        // An inline enum too, across a request body and a component.
        Assert.Equal(Ns + "TaxBehavior", PropertyType("CreateCustomerRequest", "TaxBehavior"));
        Assert.Equal(Ns + "TaxBehavior", PropertyType("Payment", "TaxBehavior"));
    }

    [Fact]
    public void Different_shapes_under_one_title_are_named_by_the_member_they_sit_under()
    {
        Assert.Equal(Ns + "AuBecsDebitParam", PropertyType("CreateCustomerRequest", "AuBecsDebit"));
        Assert.Equal(Ns + "SepaDebitParam", PropertyType("CreateCustomerRequest", "SepaDebit"));
        Assert.Null(Type("Param"));
        Assert.Null(Type("Param2"));
    }

    [Fact]
    public void A_component_keeps_its_name_and_a_title_that_collides_is_told_apart()
    {
        Assert.Equal(Ns + "Address", PropertyType("Customer", "Address").Replace("Contracts.Runtime.Clearable<", string.Empty).TrimEnd('>'));
        Assert.Equal(["Line1", "City"], Type("Address")!.GetMembers().OfType<IPropertySymbol>().Where(p => p.DeclaredAccessibility == Accessibility.Public).Select(p => p.Name));

        // 'address' under billing: the component has the name, the member tells it apart.
        Assert.Equal(Ns + "BillingAddress", PropertyType("CreateCustomerRequest", "Billing"));

        // 'address' under address: the member adds nothing, so where it is used names it (not a number).
        Assert.Equal(Ns + "PaymentAddress", PropertyType("Payment", "Address"));
        Assert.Null(Type("Address2"));
    }

    [Theory]
    [InlineData("Pet", "Cat", "Dog")] // referenced components keep their names, whatever their mapping values
    [InlineData("PaymentDelivery", "Pickup", "Courier")] // titles
    [InlineData("PaymentSource", "Card", "BankAccount")] // the constant 'object' member
    [InlineData("PaymentToolChoice", "Auto", "Tool")] // a one-value enum's value; a component's name
    [InlineData("PaymentAmount", "Integer", "String")] // the type's name
    [InlineData("PaymentExtra", "Option1", "Option2")] // nothing else: the position
    public void Union_cases_are_named_by_component_discriminator_title_constant_type_then_position(string union, string first, string second)
    {
        var cases = Type(union)!.GetTypeMembers().Where(t => t.BaseType?.Name == union).Select(t => t.Name).ToList();

        Assert.Equal([first, second], cases);
    }

    [Fact]
    public void Inline_alternatives_are_named_by_their_constant_before_their_position()
    {
        Assert.NotNull(Type("PaymentSourceCard"));
        Assert.NotNull(Type("PaymentSourceBankAccount"));
        Assert.NotNull(Type("PaymentToolChoiceAuto"));
        Assert.NotNull(Type("PaymentExtraOption1"));
        Assert.Null(Type("PaymentSourceOption1"));
    }

    private static INamedTypeSymbol? Type(string name) => s_output.Value.GetTypeByMetadataName(Ns + name);

    private static string PropertyType(string type, string property)
    {
        var symbol = Type(type) ?? throw new InvalidOperationException(type + " was not generated.");
        var member = symbol.GetMembers(property).OfType<IPropertySymbol>().Single();
        var memberType = member.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : member.Type;
        return memberType.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString();
    }
}
