using System.Globalization;
using Contracts.Generator.Model;
using Contracts.Generator.Reading;
using Contracts.Generator.Translation.Naming;

namespace Contracts.Generator.Translation;

/// <summary>
/// The names of the generated types (unique, none like a member of the generated surface) and the budget they spend:
/// crossing <see cref="Limits.MaxGeneratedTypes"/> or <see cref="Limits.MaxModelSize"/> abandons the document (CTR010).
/// </summary>
internal sealed class TypeRegistry
{
    // A type may not be named like one of its own members (CS0542), and each type's converter (nested in Converters)
    // has its name too: the members every record, enum struct and object has, and the class that nests the converters
    // (a converter named like an object member would hide it); what records (Validate) and unions (Match, Switch)
    // declare; what the converters declare (ConverterEmitter, EnumConverterEmitter, UnionConverterEmitter). What they only
    // inherit (JsonConverter<T>'s Type, CanConvert, …) is not reserved: C# allows a type named like an inherited member.
    private static readonly string[] s_typeNameClashes =
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone",
        "ReferenceEquals", "Finalize", "Value", "IsKnown", "KnownValues", "Converters",
        "Validate", "Match", "Switch",
        "Read", "Write", "ReadValue", "WriteValue", "ReadExact", "WriteExact", "ToJsonValue",
    };

    /// <summary>What a name <see cref="TryClaim"/> refuses is, when no other type of the document holds it (CTR138).</summary>
    public const string DeclaredNames = "a name the generated code declares (the client, its interface, options, JSON context or registration, or a member every generated type has)";

    private readonly UniqueNameBuilder _names;
    private int _typeCount;
    private int _modelSize;

    public TypeRegistry(EmitTarget target)
    {
        _names = new UniqueNameBuilder(target.ClientName, target.InterfaceName, target.OptionsName, target.ContextName, target.ServiceExtensionsName);
        foreach (var member in s_typeNameClashes)
        {
            _names.Reserve(member);
        }
    }

    /// <summary>Claims a type name: <paramref name="preferred"/>, or it with a number when taken.</summary>
    public string Claim(string preferred) => _names.Claim(preferred);

    /// <summary>Claims <paramref name="name"/> without a number, or returns false when it is taken.</summary>
    public bool TryClaim(string name, out string claimed) => _names.TryClaim(name, out claimed);

    /// <summary>Counts a generated type and its members toward the limits; crossing one abandons the document (CTR010).</summary>
    public void SpendType(int members, string pointer)
    {
        if (++_typeCount > Limits.MaxGeneratedTypes)
        {
            throw new LimitExceededException(pointer, "it makes more than " + Limits.MaxGeneratedTypes.ToString("N0", CultureInfo.InvariantCulture)
                + " records, enums and unions (each inline object schema is one)");
        }

        Spend(members, pointer);
    }

    /// <summary>Counts toward <see cref="Limits.MaxModelSize"/>; crossing it abandons the document (CTR010).</summary>
    public void Spend(int size, string pointer)
    {
        _modelSize += size;
        if (_modelSize > Limits.MaxModelSize)
        {
            throw new LimitExceededException(pointer, "it makes more than " + Limits.MaxModelSize.ToString("N0", CultureInfo.InvariantCulture)
                + " members, enum values, union cases and operations (allOf flattens every ancestor's members into each record)");
        }
    }
}
