namespace RagAssistant.Web.Localization;

/// <summary>The document page's strings (page view beside the chunks, the correction form), in one language (part of <see cref="UiText"/>).</summary>
public sealed record DocumentText
{
    /// <summary>The phone toggle between the document in place and its chunks.</summary>
    public required string ShowPage { get; init; }
    public required string ShowChunks { get; init; }
    public required string SelectChunkHint { get; init; }
    public required string FileName { get; init; }

    // Correcting title, identity, revision and kind
    public required string Edit { get; init; }
    public required string EditTitle { get; init; }
    public required string EditHint { get; init; }
    public required string Title { get; init; }
    public required string Identity { get; init; }
    public required string Revision { get; init; }
    public required string Kind { get; init; }
    public required string Save { get; init; }
    public required string Cancel { get; init; }
    public required string Saved { get; init; }
    public required string Forbidden { get; init; }

    // Why a field was refused: "{0}" the field's name, "{1}" a length bound.
    public required string RequiredFormat { get; init; }
    public required string TooLongFormat { get; init; }
    public required string UnknownKindFormat { get; init; }
    public required string InvisibleFormat { get; init; }

    public static readonly DocumentText Chinese = new()
    {
        ShowPage = "原文",
        ShowChunks = "分块",
        SelectChunkHint = "点击右侧的分块，原文中显示它的位置。",
        FileName = "文件名",
        Edit = "修改信息",
        EditTitle = "修改文档信息",
        EditHint = "更正导入时识别错的标题、编号、版本或类型。同一编号的版本会重新判定哪个为现行版本。",
        Title = "标题",
        Identity = "编号",
        Revision = "版本",
        Kind = "类型",
        Save = "保存",
        Cancel = "取消",
        Saved = "已保存。",
        Forbidden = "你没有修改此文档库的权限。",
        RequiredFormat = "{0}：不能为空。",
        TooLongFormat = "{0}：不能超过 {1} 个字符。",
        UnknownKindFormat = "{0}：请从列表中选择。",
        InvisibleFormat = "{0}：含有控制字符或不可见的格式字符。",
    };

    public static readonly DocumentText English = Chinese with
    {
        ShowPage = "Page",
        ShowChunks = "Chunks",
        SelectChunkHint = "Click a chunk to see where it stands in the document.",
        FileName = "File name",
        Edit = "Edit details",
        EditTitle = "Correct the document's details",
        EditHint = "Correct a title, identity, revision or kind that was read wrong. Revisions of the same identity are re-marked current or superseded.",
        Title = "Title",
        Identity = "Identity",
        Revision = "Revision",
        Kind = "Kind",
        Save = "Save",
        Cancel = "Cancel",
        Saved = "Saved.",
        Forbidden = "You may not edit documents of this library.",
        RequiredFormat = "{0}: required, may not be empty.",
        TooLongFormat = "{0}: at most {1} characters.",
        UnknownKindFormat = "{0}: choose one from the list.",
        InvisibleFormat = "{0}: contains control characters or invisible formatting.",
    };

    /// <summary>The field's name in this language.</summary>
    public string Field(Core.Documents.MetadataField field) => field switch
    {
        Core.Documents.MetadataField.Title => Title,
        Core.Documents.MetadataField.Identity => Identity,
        Core.Documents.MetadataField.Revision => Revision,
        _ => Kind,
    };

    /// <summary>A refused field as a sentence naming the field and the reason.</summary>
    public string Problem(Core.Documents.MetadataProblem problem) => string.Format(System.Globalization.CultureInfo.InvariantCulture,
        problem.Reason switch
        {
            Core.Documents.MetadataReason.Required => RequiredFormat,
            Core.Documents.MetadataReason.TooLong => TooLongFormat,
            Core.Documents.MetadataReason.UnknownKind => UnknownKindFormat,
            _ => InvisibleFormat,
        }, Field(problem.Field), problem.Limit);
}
