namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>A rectangle of grid cells (inclusive bounds) that holds one table or one block of text.</summary>
public sealed record GridRegion(int FirstRow, int FirstColumn, int LastRow, int LastColumn);
