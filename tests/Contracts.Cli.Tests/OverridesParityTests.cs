using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contracts.Cli.Tests.Infrastructure;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary>
/// <c>contracts generate</c> applies the <c>x-contracts-*</c> overrides as the analyzer does: the same files, with the
/// renamed type, member, enum member, method and parameter, and the user's type in place of the mapped schema; a
/// collision is reported in the same words.
/// </summary>
public sealed class OverridesParityTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Billing, version: '1' }
        paths:
          /invoices/{inv_id}:
            get:
              operationId: invoices_retrieve_v2
              x-contracts-name: GetInvoice
              parameters:
                - { name: inv_id, in: path, required: true, x-contracts-name: invoiceId, schema: { type: string } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/invoice_v2' }
        components:
          schemas:
            invoice_v2:
              type: object
              x-contracts-name: Invoice
              properties:
                amt_due: { $ref: '#/components/schemas/Money', x-contracts-name: AmountDue }
                status: { type: string, enum: [open, uncollectible], x-contracts-enum-names: { uncollectible: BadDebt } }
                id: { type: string, x-contracts-name: Id2 }
                ref: { type: string, x-contracts-name: Id2 }
            Money:
              type: object
              x-contracts-type: MyCompany.Billing.Money
              properties:
                value: { type: integer }
        """;

    [Fact]
    public void Generate_applies_the_overrides_as_the_analyzer_does()
    {
        using var temp = new TempFolder();
        var spec = temp.Write("billing.yaml", Spec);
        var output = temp.Combine("out");

        var run = CliResult.Run(["generate", spec, "-o", output]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("CTR138", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains("The name 'Id2' given to property 'ref' of 'Invoice' is already the name x-contracts-name gives property 'id'", run.Stdout + run.Stderr, StringComparison.Ordinal);
        var expected = AnalyzerRun.Generate(spec, "Contracts.Generated", new Dictionary<string, string>());
        var written = Directory.GetFiles(output).ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        foreach (var (hintName, text) in expected)
        {
            Assert.True(text == written[hintName], $"{hintName} differs from the analyzer's output.");
        }

        var all = string.Concat(written.Values);
        Assert.Contains("GetInvoiceAsync(string invoiceId", all, StringComparison.Ordinal);
        Assert.Contains("global::MyCompany.Billing.Money? AmountDue", all, StringComparison.Ordinal);
        Assert.Contains("BadDebt", all, StringComparison.Ordinal);
    }
}
