using System.Collections.Generic;
using Contracts.Generator.Locating;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>A parsed overlay: its actions in order, and the locator that places diagnostics in the overlay's file.</summary>
internal sealed class OverlayDocument
{
    public OverlayDocument(SourceLocator locator, IReadOnlyList<OverlayAction> actions)
    {
        Locator = locator;
        Actions = actions;
    }

    /// <summary>Positions in the overlay file (its tree's nodes are located with <see cref="SourceLocator.At"/>).</summary>
    public SourceLocator Locator { get; }

    public IReadOnlyList<OverlayAction> Actions { get; }
}
