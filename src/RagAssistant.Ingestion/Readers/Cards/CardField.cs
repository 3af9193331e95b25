namespace RagAssistant.Ingestion.Readers.Cards;

/// <summary>A label: value pair of a card's header block; <paramref name="Field"/> is its DocumentField name or "" for none.</summary>
public sealed record CardField(string Label, string Value, string Field);
