namespace RagAssistant.Core.Documents;

/// <summary>Names of the recognised metadata fields in <see cref="ParsedDocument.Fields"/>.</summary>
public static class DocumentField
{
    /// <summary>The card type as its title names it, normalised ("机械加工工艺过程卡", "机械加工工序卡"); present only on process cards.</summary>
    public const string CardType = "card_type";
    public const string PartNumber = "part_number";
    public const string DrawingNumber = "drawing_number";
    public const string PartName = "part_name";
    public const string Material = "material";
    /// <summary>The revision mark as written in its cell ("B", "A/1", "Rev. C").</summary>
    public const string Revision = "revision";
    /// <summary>The effective date as the document shows it ("2026-03-15", "2026年3月15日").</summary>
    public const string EffectiveDate = "effective_date";
    public const string DocumentNumber = "document_number";
    /// <summary>The operation number of a single-operation card (工序卡), which is part of its identity.</summary>
    public const string OperationNumber = "operation_number";
}
