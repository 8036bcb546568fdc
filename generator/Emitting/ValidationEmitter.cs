using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints the checks of the document's constraints: a record's <c>Validate()</c> and <c>CollectViolations</c> (a
/// partial part of its own, after the record), and a client method's check of its request before anything is built.
/// Each check is one call into <c>ValidationCollector</c>; lists and maps are walked with static lambdas, records
/// through their own <c>CollectViolations</c>. No reflection.
/// </summary>
internal static class ValidationEmitter
{
    private const string Collector = "global::Contracts.Runtime.Validation.ValidationCollector";
    private const string Validatable = "global::Contracts.Runtime.Validation.IValidatable";
    private const string Error = "global::Contracts.Runtime.Validation.ValidationError";
    private const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    /// <summary>The record's check, when it has one (<see cref="RecordModel.Validates"/>).</summary>
    public static void Write(RecordModel record, SourceWriter writer, ValidationInheritance inheritance = ValidationInheritance.None)
    {
        FileHeader.OpenNamespace(writer, record.Target);
        writer.OpenBlock("partial record " + record.Name + " : " + Validatable);
        if (inheritance != ValidationInheritance.Derived)
        {
            writer.WriteLine("/// <summary>Every value here (nested records, lists and maps included) that breaks a constraint of the OpenAPI document, with its path; empty when none does.</summary>");
            writer.WriteLine("public " + KnownTypes.IReadOnlyList + "<" + Error + "> Validate() => " + Collector + ".Run(this);");
            writer.WriteLine();
        }

        // A sealed record implements the walk explicitly (hidden without an attribute, the smallest code); a hierarchy
        // needs it virtual, so that a base-typed value that is a derived record checks the derived members too.
        var signature = "CollectViolations(" + Collector + " violations)";
        if (inheritance == ValidationInheritance.None)
        {
            writer.OpenBlock("void " + Validatable + "." + signature);
        }
        else
        {
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine(Hidden);
            writer.OpenBlock((inheritance == ValidationInheritance.Base ? "public virtual void " : "public override void ") + signature);
        }

        if (inheritance == ValidationInheritance.Derived)
        {
            writer.WriteLine("base.CollectViolations(violations);");
        }

        foreach (var property in record.Properties)
        {
            if (property.Constraints is { } constraints)
            {
                WriteChecks(writer, "violations", Literals.String(property.JsonName), property.Name, property.Type, constraints, depth: 0);
            }
        }

        writer.CloseBlock();
        writer.CloseBlock();
        FileHeader.CloseNamespace(writer);
    }

    /// <summary>
    /// The check of a client method's request, before anything is built: the parameters (named as in the document),
    /// then the body. Nothing when the operation has nothing to check.
    /// </summary>
    public static void WriteRequestCheck(SourceWriter writer, OperationModel operation)
    {
        if (!operation.ValidatesRequest)
        {
            return;
        }

        writer.OpenBlock("if (" + Collector + ".ForRequest(_requestDefaults, " + operation.RequestOptionsName + ") is { } __violations)");
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Constraints is { } constraints)
            {
                WriteChecks(writer, "__violations", Literals.String(parameter.WireName), parameter.ParameterName, parameter.Type, constraints, depth: 0);
            }
        }

        if (operation.Body is { Constraints: { } bodyConstraints } body)
        {
            WriteChecks(writer, "__violations", "null", body.ParameterName, body.Type, bodyConstraints, depth: 0);
        }

        writer.WriteLine("__violations.ThrowIfAny(" + Literals.String(operation.OperationId) + ");");
        writer.CloseBlock();
    }

    /// <summary>
    /// The generated endpoint's check of a bound request against the same constraints, before the handler: each
    /// violation becomes a problem of the binder, a parameter's named as in the document, the body's under <c>body</c>
    /// (<c>body.quantity</c>, <c>body.lines[0].name</c>). Nothing when the operation has nothing to check.
    /// </summary>
    /// <param name="locals">Per entry of <see cref="OperationModel.Parameters"/>: the local holding its bound value.</param>
    public static void WriteServerRequestCheck(SourceWriter writer, OperationModel operation, System.Collections.Generic.IReadOnlyList<string?> locals, string bodyLocal, string binder)
    {
        if (!operation.ValidatesRequest)
        {
            return;
        }

        writer.OpenBlock("if (!" + binder + ".HasErrors)");
        if (operation.Parameters.Any(p => p.Constraints is not null))
        {
            writer.WriteLine("var __violations = new " + Collector + "();");
            for (var i = 0; i < operation.Parameters.Count; i++)
            {
                var parameter = operation.Parameters[i];
                if (parameter.Constraints is { } constraints && locals[i] is { } local)
                {
                    WriteChecks(writer, "__violations", Literals.String(parameter.WireName), local, parameter.Type, constraints, depth: 0);
                }
            }

            writer.OpenBlock("foreach (var __violation in __violations.Errors)");
            writer.WriteLine(binder + ".AddError(__violation.Path, __violation.Message);");
            writer.CloseBlock();
        }

        if (operation.Body is { Constraints: { } bodyConstraints } body)
        {
            writer.WriteLine("var __bodyViolations = new " + Collector + "();");
            WriteChecks(writer, "__bodyViolations", "null", bodyLocal, body.Type, bodyConstraints, depth: 0);
            writer.OpenBlock("foreach (var __violation in __bodyViolations.Errors)");
            writer.WriteLine(binder + ".AddError(__violation.Path.Length == 0 ? \"body\" : __violation.Path[0] == '[' ? \"body\" + __violation.Path : \"body.\" + __violation.Path, __violation.Message);");
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>The client option that turns request validation on, where some request has something to check.</summary>
    public static void WriteOption(SourceWriter writer, ClientModel client)
    {
        if (!client.ValidatesRequests)
        {
            return;
        }

        writer.WriteLine("""

            /// <summary>
            /// Whether every call checks its body and parameters against the constraints of the OpenAPI document
            /// (<c>minimum</c>, <c>maxLength</c>, <c>pattern</c>…) before sending, and throws a <c>RequestValidationException</c>
            /// listing every violation instead of sending. Off by default: the service is the judge of what it accepts. A
            /// call's <c>RequestOptions.ValidateRequest</c> overrides it.
            /// </summary>
            public bool ValidateRequests { get; set; }
            """);
    }

    /// <summary>Reads <c>ValidateRequests</c> from the configuration section, where the client has the option.</summary>
    public static void WriteOptionBinding(SourceWriter writer, ClientModel client)
    {
        if (!client.ValidatesRequests)
        {
            return;
        }

        writer.WriteLine();
        writer.OpenBlock("if (configuration[\"ValidateRequests\"] is { Length: > 0 } validateRequests)");
        writer.WriteLine("options.ValidateRequests = bool.Parse(validateRequests);");
        writer.CloseBlock();
    }

    /// <summary>The member of the client's default <c>RequestOptions</c> that carries the option, where the client has it.</summary>
    public static string OptionInitializer(ClientModel client) => client.ValidatesRequests ? ", ValidateRequest = options.ValidateRequests" : string.Empty;

    /// <summary>One call per keyword on <paramref name="value"/>, then the walk into its record or its elements.</summary>
    /// <param name="member">A C# expression for the member's JSON name, or <c>null</c> for the value the walk stands on.</param>
    private static void WriteChecks(SourceWriter writer, string collector, string member, string value, TypeRef type, ConstraintsModel constraints, int depth)
    {
        var call = collector + ".";
        var arguments = "(" + member + ", " + value + ", ";
        if (constraints.Minimum is { } minimum)
        {
            writer.WriteLine(call + "Minimum" + arguments + minimum + "m, " + Bool(constraints.ExclusiveMinimum) + ");");
        }

        if (constraints.Maximum is { } maximum)
        {
            writer.WriteLine(call + "Maximum" + arguments + maximum + "m, " + Bool(constraints.ExclusiveMaximum) + ");");
        }

        if (constraints.MultipleOf is { } factor)
        {
            writer.WriteLine(call + "MultipleOf" + arguments + factor + "m);");
        }

        if (constraints.MinLength is not null || constraints.MaxLength is not null)
        {
            writer.WriteLine(call + "Length" + arguments + Count(constraints.MinLength) + ", " + Count(constraints.MaxLength) + ");");
        }

        if (constraints.Pattern is { } pattern)
        {
            writer.WriteLine(call + "Pattern" + arguments + Literals.String(pattern) + ");");
        }

        if (constraints.MinCount is not null || constraints.MaxCount is not null)
        {
            var method = type.Kind == TypeKind.Map ? "PropertyCount" : "ItemCount";
            writer.WriteLine(call + method + arguments + Count(constraints.MinCount) + ", " + Count(constraints.MaxCount) + ");");
        }

        if (constraints.UniqueItems)
        {
            writer.WriteLine(call + "Unique(" + member + ", " + value + ");");
        }

        if (constraints.Nested)
        {
            writer.WriteLine(call + "Nested(" + member + ", " + value + ");");
        }

        if (constraints.Element is { } element && type.Element is { } elementType)
        {
            var next = depth + 1;
            var (elementCollector, item) = ("v" + next, "item" + next);
            var head = call + (type.Kind == TypeKind.Map ? "EachValue" : "EachItem") + "(" + member + ", " + value + ", static (" + elementCollector + ", " + item + ") =>";

            // One check is an expression lambda on one line (the common case, and the smallest code); several are a block.
            var body = new System.Text.StringBuilder();
            WriteChecks(new SourceWriter(body), elementCollector, "null", item, elementType, element, next);
            var statements = body.ToString().TrimEnd('\n');
            if (statements.IndexOf('\n') < 0)
            {
                writer.WriteLine(head + " " + statements.Substring(0, statements.Length - 1) + ");");
                return;
            }

            writer.OpenBlock(head);
            WriteChecks(writer, elementCollector, "null", item, elementType, element, next);
            writer.CloseBlock(");");
        }
    }

    private static string Count(int? count) => count is { } value ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null";

    private static string Bool(bool value) => value ? "true" : "false";
}
