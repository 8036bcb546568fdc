using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>The parts of a record that depend on its place in an <c>allOf</c> hierarchy (see <see cref="HierarchyModel"/>).</summary>
internal static partial class RecordEmitter
{
    /// <summary><c>sealed partial record Name</c>; a base is not sealed, a derived record names its base.</summary>
    private static string Declaration(RecordModel record) => record.Hierarchy switch
    {
        null => "sealed partial record " + record.Name,
        { IsSealed: true } => "sealed partial record " + record.Name + " : " + record.Base,
        _ => "partial record " + record.Name + (record.Base is null ? string.Empty : " : " + record.Base),
    };

    /// <summary>C# fixes <c>PrintMembers</c>' accessibility: private in a sealed record, else virtual, and an override in a derived one.</summary>
    private static string PrintMembersSignature(RecordModel record) => record.Base is not null
        ? "protected override bool PrintMembers"
        : record.Hierarchy is { IsSealed: false } ? "protected virtual bool PrintMembers" : "private bool PrintMembers";

    /// <summary>A derived record prints its base's members first (the base hides its own credentials).</summary>
    private static void WritePrintBaseMembers(SourceWriter writer, RecordModel record)
    {
        if (record.Base is null)
        {
            return;
        }

        writer.OpenBlock("if (base.PrintMembers(builder))");
        writer.WriteLine("builder.Append(\", \");");
        writer.CloseBlock();
        writer.WriteLine();
    }
}
