using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using Contracts.Generator.Configuration;
using Contracts.Generator.Helpers;
using SharpYaml;
using SharpYaml.Events;

namespace Contracts.Generator.Documentation;

/// <summary>
/// Splits a spec's text into its structure and its documentation, so that a description edit leaves the structure
/// equal and Roslyn returns the cached translation. One pass of SharpYaml's event parser (the parser the reader uses)
/// finds the value of each <c>description</c> and <c>summary</c> member of an OpenAPI object and replaces it with a
/// placeholder (<see cref="DocumentationTable.Placeholder"/>); the table keeps the value and where it was.
/// <para>
/// A scalar stays in the structure when the output depends on more than its being there: empty or blank, plain scalars
/// YAML reads as something other than text, very long ones (<c>Reading/LongTextShortener</c> shortens them), ones with
/// <c>\u</c> escapes (text preparation decodes them), ones with an anchor or tag, the phrases translation looks for
/// (<c>Pagination token</c>, <c>Signature authorization v4</c>), and anything inside examples, defaults, enums, constants,
/// discriminator mappings, OAuth scopes, links and <c>x-</c> extensions, or where <c>description</c> is a name (a property
/// called description). Specs with overlays or external references, several YAML documents, a private-use placeholder
/// character or anything the parser refuses are not split at all: the reader then sees the text as it is.
/// </para>
/// </summary>
internal static class DocumentationSplitter
{
    /// <summary>The split spec; its table is empty, and its structure the input itself, when nothing was taken out.</summary>
    public static SplitSpec Split(SpecInput input, CancellationToken cancellationToken)
    {
        var none = new SplitSpec(input, DocumentationTable.None(input.Path));
        if (!input.Overlays.IsEmpty || !input.Documents.IsEmpty || input.Text.IndexOf(DocumentationTable.PlaceholderStart) >= 0
            || input.Text.IndexOf(DocumentationTable.PlaceholderEnd) >= 0)
        {
            return none;
        }

        List<(int Start, int End, string Value)>? found;
        try
        {
            found = Find(input.Text, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever the parser refuses, the reader reports: from the text as it is.
            return none;
        }

        if (found is null || found.Count == 0)
        {
            return none;
        }

        var text = input.Text;
        var structure = new StringBuilder(text.Length);
        var values = new string[found.Count];
        var structureSpans = new (int Start, int End)[found.Count];
        var last = 0;
        for (var i = 0; i < found.Count; i++)
        {
            var (start, end, value) = found[i];
            structure.Append(text, last, start - last);
            var placeholderStart = structure.Length;
            structure.Append(DocumentationTable.Placeholder(i));
            structureSpans[i] = (placeholderStart, structure.Length);
            values[i] = value;
            last = end;
        }

        structure.Append(text, last, text.Length - last);
        var structureText = structure.ToString();

        var original = new LineCursor(text);
        var split = new LineCursor(structureText);
        var shifts = new TextShift[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            var (startLine, startColumn) = original.MoveTo(found[i].Start);
            var (endLine, endColumn) = original.MoveTo(found[i].End);
            var (structureEndLine, structureEndColumn) = split.MoveTo(structureSpans[i].End);
            shifts[i] = new TextShift(structureSpans[i].Start, structureSpans[i].End, structureEndLine, structureEndColumn,
                found[i].Start, found[i].End, startLine, startColumn, endLine, endColumn);
        }

        return new SplitSpec(input with { Text = structureText }, new DocumentationTable(input.Path, new EquatableArray<string>(values), new EquatableArray<TextShift>(shifts)));
    }

    /// <summary>
    /// The documentation scalars, in order: each raw span and its value; null when the text must not be split. The line
    /// scanner reads block-style YAML; whatever it is not certain of goes to SharpYaml's event parser, which reads all YAML.
    /// </summary>
    internal static List<(int Start, int End, string Value)>? Find(string text, CancellationToken cancellationToken) =>
        BlockYamlScanner.TryFind(text, cancellationToken, out var found) ? found : FindWithParser(text, cancellationToken);

    /// <summary>The documentation scalars as SharpYaml's event parser finds them (any YAML; several documents give null).</summary>
    internal static List<(int Start, int End, string Value)>? FindWithParser(string text, CancellationToken cancellationToken)
    {
        var walker = new DocumentationWalker(text);
        var documents = 0;
        var parser = Parser.CreateParser(new StringReader(text));
        var events = 0;
        while (parser.MoveNext())
        {
            if ((++events & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            switch (parser.Current)
            {
                case DocumentStart:
                    if (++documents > 1)
                    {
                        return null;
                    }

                    break;
                case MappingStart mapping:
                    walker.Start(isMapping: true, mapping.Anchor is not null);
                    break;
                case SequenceStart sequence:
                    walker.Start(isMapping: false, sequence.Anchor is not null);
                    break;
                case MappingEnd or SequenceEnd:
                    walker.End();
                    break;
                case Scalar scalar:
                    walker.Scalar((int)scalar.Start.Index, (int)scalar.End.Index, scalar.Value, scalar.Style, scalar.Anchor is not null || scalar.Tag is not null);
                    break;
                case AnchorAlias:
                    walker.Skip();
                    break;
            }
        }

        return walker.Found;
    }

    /// <summary>Walks a text forward, counting lines as Roslyn's <c>SourceText</c> does (CR, LF, CRLF, NEL, LS, PS).</summary>
    private sealed class LineCursor(string text)
    {
        private int _position;
        private int _line;
        private int _lineStart;

        public (int Line, int Column) MoveTo(int offset)
        {
            for (; _position < offset; _position++)
            {
                var c = text[_position];
                if (c is '\n' or '\u0085' or '\u2028' or '\u2029' || (c == '\r' && (_position + 1 >= text.Length || text[_position + 1] != '\n')))
                {
                    _line++;
                    _lineStart = _position + 1;
                }
            }

            return (_line, offset - _lineStart);
        }
    }
}
