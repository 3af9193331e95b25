namespace RagAssistant.Ingestion.Readers.Cards;

/// <summary>An operations (or steps) table found in a grid: its header rows, column span, combined names and rows.</summary>
/// <param name="OperationColumn">Grid column of the operation (step) number.</param>
/// <param name="IsStepsTable">The number column numbers steps (工步) of one operation, as on a 工序卡.</param>
public sealed record OperationsTable(
    int Grid, int HeaderTop, int HeaderBottom, int FirstColumn, int LastColumn, int OperationColumn, bool IsStepsTable,
    IReadOnlyList<string> Columns, IReadOnlyList<OperationRow> Rows, int LastRow);

/// <summary>One operation: the grid rows it spans and its (column name, value) cells; a value spanning several rows joins with '；'.</summary>
public sealed record OperationRow(int FirstRow, int LastRow, IReadOnlyList<(string Name, string Value)> Cells);
