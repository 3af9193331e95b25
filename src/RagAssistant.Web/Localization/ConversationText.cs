namespace RagAssistant.Web.Localization;

/// <summary>
/// The strings of managing conversations (search, rename, delete, export), of regenerating and editing a question, and
/// of the empty Ask page (welcome, example questions, the ingestion notice), in one language (part of <see cref="UiText"/>).
/// </summary>
public sealed record ConversationText
{
    // The list
    public required string SearchLabel { get; init; }

    /// <summary>What the search looks through: the search box's tooltip.</summary>
    public required string SearchHint { get; init; }
    public required string NoMatches { get; init; }
    public required string ClearSearch { get; init; }
    public required string More { get; init; }
    public required string Rename { get; init; }
    public required string Delete { get; init; }
    public required string Export { get; init; }
    public required string Save { get; init; }
    public required string Cancel { get; init; }

    /// <summary>The field a rename edits, named in its error messages.</summary>
    public required string TitleField { get; init; }

    public required string TitleEmpty { get; init; }

    /// <summary>{0} the limit, {1} the characters typed.</summary>
    public required string TitleTooLongFormat { get; init; }

    public required string Renamed { get; init; }
    public required string ConfirmDeleteTitle { get; init; }

    /// <summary>{0} the conversation's title.</summary>
    public required string ConfirmDeleteFormat { get; init; }

    public required string Deleted { get; init; }
    public required string NotFound { get; init; }

    // A turn
    public required string Regenerate { get; init; }
    public required string EditQuestion { get; init; }

    // The empty page
    public required string Welcome { get; init; }
    public required string ExamplesHeading { get; init; }

    /// <summary>{0} files still being imported into libraries the user reads.</summary>
    public required string IngestingFormat { get; init; }

    // Example questions ({0} a document's identity or title, {1} a heading in it)
    public required string AskHeadingFormat { get; init; }
    public required string AskProcessCardFormat { get; init; }
    public required string AskStandardFormat { get; init; }
    public required string AskWorkInstructionFormat { get; init; }
    public required string AskManualFormat { get; init; }
    public required string AskOtherFormat { get; init; }

    // The Markdown export
    public required string ExportedAtFormat { get; init; }
    public required string Question { get; init; }
    public required string Answer { get; init; }
    public required string Sources { get; init; }
    public required string Identity { get; init; }
    public required string Revision { get; init; }
    public required string File { get; init; }
    public required string Library { get; init; }
    public required string Locator { get; init; }
    public required string Superseded { get; init; }
    public required string NoSources { get; init; }
    public required string NotAnswered { get; init; }

    public static readonly ConversationText Chinese = new()
    {
        SearchLabel = "搜索对话",
        SearchHint = "按标题、问题和回答的文字查找你的对话",
        NoMatches = "没有找到匹配的对话",
        ClearSearch = "清除搜索",
        More = "更多操作",
        Rename = "重命名",
        Delete = "删除",
        Export = "导出为 Markdown",
        Save = "保存",
        Cancel = "取消",
        TitleField = "标题",
        TitleEmpty = "标题不能为空",
        TitleTooLongFormat = "标题最多 {0} 个字符，现在有 {1} 个",
        Renamed = "已重命名",
        ConfirmDeleteTitle = "删除对话",
        ConfirmDeleteFormat = "确定删除对话“{0}”及其全部问答？删除后无法恢复。",
        Deleted = "对话已删除",
        NotFound = "这个对话已不存在",
        Regenerate = "重新生成：再问一次，新回答添加在下面",
        EditQuestion = "编辑问题：放回输入框，修改后发送",
        Welcome = "你好！我会从你能查看的文档中找答案，并标注每句话的出处。",
        ExamplesHeading = "可以试试这些问题：",
        IngestingFormat = "正在导入 {0} 个文件，回答可能不完整",
        AskHeadingFormat = "{0} 中“{1}”是怎么规定的？",
        AskProcessCardFormat = "{0} 有哪些工序？各用什么设备？",
        AskStandardFormat = "{0} 规定了哪些主要要求？",
        AskWorkInstructionFormat = "{0} 的作业步骤和要求是什么？",
        AskManualFormat = "{0} 的日常维护保养要点有哪些？",
        AskOtherFormat = "{0} 主要讲了什么？",
        ExportedAtFormat = "导出时间：{0}",
        Question = "问题",
        Answer = "回答",
        Sources = "来源",
        Identity = "编号",
        Revision = "版本",
        File = "文件",
        Library = "库",
        Locator = "位置",
        Superseded = "已作废版本",
        NoSources = "（无来源）",
        NotAnswered = "（没有回答）",
    };

    public static readonly ConversationText English = Chinese with
    {
        SearchLabel = "Search conversations",
        SearchHint = "Finds your conversations by the words of their titles, questions and answers",
        NoMatches = "No conversation matches",
        ClearSearch = "Clear search",
        More = "More actions",
        Rename = "Rename",
        Delete = "Delete",
        Export = "Export as Markdown",
        Save = "Save",
        Cancel = "Cancel",
        TitleField = "Title",
        TitleEmpty = "Title must not be empty",
        TitleTooLongFormat = "Title may have at most {0} characters; it has {1}",
        Renamed = "Renamed",
        ConfirmDeleteTitle = "Delete conversation",
        ConfirmDeleteFormat = "Delete the conversation \"{0}\" and all its questions and answers? This cannot be undone.",
        Deleted = "Conversation deleted",
        NotFound = "This conversation no longer exists",
        Regenerate = "Regenerate: ask again, the new answer is added below",
        EditQuestion = "Edit question: back into the box to change and send",
        Welcome = "Hello! I answer from the documents you may read and cite the source of every statement.",
        ExamplesHeading = "Try one of these:",
        IngestingFormat = "Importing {0} files: answers may be incomplete",
        AskHeadingFormat = "What does {0} say about \"{1}\"?",
        AskProcessCardFormat = "Which operations does {0} list, and on which machines?",
        AskStandardFormat = "What are the main requirements of {0}?",
        AskWorkInstructionFormat = "What are the steps and requirements of {0}?",
        AskManualFormat = "What daily maintenance does {0} call for?",
        AskOtherFormat = "What is {0} about?",
        ExportedAtFormat = "Exported: {0}",
        Question = "Question",
        Answer = "Answer",
        Sources = "Sources",
        Identity = "Identity",
        Revision = "Revision",
        File = "File",
        Library = "Library",
        Locator = "Location",
        Superseded = "superseded",
        NoSources = "(no sources)",
        NotAnswered = "(not answered)",
    };
}
