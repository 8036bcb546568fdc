using System;
using System.Collections.Immutable;
using System.IO;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Defaults;

/// <summary>
/// OpenAI's published description (spec/vendors/openai, MIT): a message's <c>role</c> can only be one value, so the
/// user writes the message without it and the value is sent.
/// </summary>
public sealed class OpenAiConstantTests : IClassFixture<OpenAiConstantTests.Output>
{
    private const string Context = "My.OpenAI.OpenAIApiJsonContext";

    // What a user writes: no Role, which compiles only when the member is not required.
    private const string Messages = """
        namespace My.OpenAI.Checks
        {
            public static class Messages
            {
                public static My.OpenAI.ChatCompletionRequestUserMessage User() => new() { Content = "hi" };

                public static My.OpenAI.ChatCompletionRequestToolMessage Tool() => new() { Content = "42", ToolCallId = "call_1" };
            }
        }
        """;

    private readonly Output _fixture;

    public OpenAiConstantTests(Output fixture) => _fixture = fixture;

    [Fact]
    public void The_role_of_user_and_tool_messages_is_initialised_and_not_required()
    {
        var source = _fixture.Run.Source("OpenAIApiClient.Models.C.");

        // One-value enums are strings (OneValueEnums).
        Assert.Contains("public string Role { get; init; } = \"user\";", source, StringComparison.Ordinal);
        Assert.Contains("public string Role { get; init; } = \"tool\";", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_written_without_a_role_send_it()
    {
        var messages = _fixture.Loaded.Type("My.OpenAI.Checks.Messages");

        var user = messages.GetMethod("User")!.Invoke(null, null);
        var tool = messages.GetMethod("Tool")!.Invoke(null, null);

        Assert.Equal("""{"content":"hi","role":"user"}""", _fixture.Loaded.Serialize(Context, "ChatCompletionRequestUserMessage", user));
        Assert.Equal("""{"role":"tool","content":"42","tool_call_id":"call_1"}""", _fixture.Loaded.Serialize(Context, "ChatCompletionRequestToolMessage", tool));
    }

    /// <summary>OpenAI's description generated once, with the user's code beside it, and loaded.</summary>
    public sealed class Output : IDisposable
    {
        public Output()
        {
            var spec = SpecFile.Inline("openapi.yaml", File.ReadAllText(RepositoryPaths.Combine("spec", "vendors", "openai", "openapi.yaml")), "My.OpenAI", "OpenAIApiClient");
            var texts = ImmutableArray.Create<AdditionalText>(spec.ToAdditionalText());
            Run = GeneratorHarness.Run(GeneratorHarness.CreateDriver([spec], texts), GeneratorHarness.CreateCompilation(Messages), texts);
            Loaded = LoadedOutput.Load(Run);
        }

        internal GeneratorRun Run { get; }

        internal LoadedOutput Loaded { get; }

        public void Dispose() => Loaded.Dispose();
    }
}
