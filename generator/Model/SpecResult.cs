using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>The outcome of translating one document (<see cref="Pipeline.GenerationSteps.Translate"/>): a model (null when the document is unusable) and its diagnostics.</summary>
internal sealed record SpecResult(SpecModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
