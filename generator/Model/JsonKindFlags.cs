namespace Contracts.Generator.Model;

/// <summary>
/// The flags of <see cref="UnionMemberModel.Kinds"/> and <see cref="UnionMemberModel.ItemKinds"/>: the values of
/// <c>Contracts.Runtime.Json.JsonKinds</c>, which the generated union converters test against. 0 means any.
/// </summary>
internal static class JsonKindFlags
{
    public const int String = 1;
    public const int Number = 2;
    public const int Boolean = 4;
    public const int Object = 8;
    public const int Array = 16;
    public const int Null = 32;
}
