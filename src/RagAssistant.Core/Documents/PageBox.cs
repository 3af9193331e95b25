namespace RagAssistant.Core.Documents;

/// <summary>
/// A rectangle of text on a page, in PDF user-space coordinates (points, origin bottom-left), so a viewer can draw the
/// highlight over the rendered page.
/// </summary>
public sealed record PageBox(int Page, double Left, double Bottom, double Right, double Top);
