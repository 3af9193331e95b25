using System.Globalization;
using RagAssistant.Core.Feedback;

namespace RagAssistant.Web.Localization;

/// <summary>
/// The strings of the two tools pages — feedback review (/admin/feedback) and the retrieval test (/retrieval) — and the
/// admin page's row of links to them, in one language (part of <see cref="UiText"/>). Ranking rule names are shown
/// through <see cref="Rule"/>, never as the code's names.
/// </summary>
public sealed partial record ToolsText
{
    public required string Tools { get; init; }

    // Feedback review
    public required string FeedbackTitle { get; init; }
    public required string FeedbackIntro { get; init; }
    public required string NoNegativeFeedback { get; init; }
    public required string Question { get; init; }
    public required string Answer { get; init; }
    public required string Comment { get; init; }
    public required string NoComment { get; init; }
    public required string User { get; init; }
    public required string Time { get; init; }
    public required string CitedSources { get; init; }
    public required string NoSources { get; init; }
    public required string Marked { get; init; }
    public required string NotMarked { get; init; }
    public required string ChoosePassage { get; init; }
    public required string FromSources { get; init; }
    public required string SearchKnowledgeBase { get; init; }
    public required string SearchButton { get; init; }
    public required string NoResults { get; init; }
    public required string Choose { get; init; }
    public required string Chosen { get; init; }
    public required string ChosenPassage { get; init; }
    public required string PassageWords { get; init; }
    public required string PassageWordsHelp { get; init; }
    public required string ExpectedValue { get; init; }
    public required string ExpectedValueHelp { get; init; }
    public required string Split { get; init; }
    public required string SplitDev { get; init; }
    public required string SplitTest { get; init; }
    public required string SaveMark { get; init; }
    public required string RemoveMark { get; init; }
    public required string MarkSaved { get; init; }
    public required string MarkRemoved { get; init; }
    public required string Export { get; init; }
    /// <summary>"{0} marked": how many questions the export holds.</summary>
    public required string MarkedCountFormat { get; init; }

    // Mark problems: the field, then the reason ({0} the bound).
    public required string NoPassageChosen { get; init; }
    public required string PassageEmpty { get; init; }
    public required string PassageTooShortFormat { get; init; }
    public required string PassageTooLongFormat { get; init; }
    public required string PassageNotInChunk { get; init; }
    public required string ExpectedEmpty { get; init; }
    public required string ExpectedTooLongFormat { get; init; }
    public required string SplitUnknown { get; init; }

    // Retrieval test
    public required string RetrievalTitle { get; init; }

    /// <summary>The two pages' names in the navigation.</summary>
    public required string RetrievalNav { get; init; }
    public required string FeedbackNav { get; init; }
    public required string RetrievalIntro { get; init; }
    public required string RetrievalQuestion { get; init; }
    public required string RetrievalRun { get; init; }
    public required string TopK { get; init; }
    public required string Library { get; init; }
    public required string AllReadableLibraries { get; init; }
    public required string Rank { get; init; }
    public required string Fused { get; init; }
    public required string FinalScore { get; init; }
    public required string Dense { get; init; }
    public required string Keyword { get; init; }
    /// <summary>"score {0} · rank {1}".</summary>
    public required string ScoreRankFormat { get; init; }
    public required string NotInList { get; init; }
    public required string RuleTrace { get; init; }
    public required string NoChunks { get; init; }
    public required string QuestionEmpty { get; init; }
    public required string QuestionTooLongFormat { get; init; }
    public required string TopKOutOfRangeFormat { get; init; }
    public required IReadOnlyDictionary<string, string> Rules { get; init; }

    /// <summary>The ranking code's evidence phrases in this language: "rank {0}, weight {1}", "superseded revision {0}", "names {0}",
    /// "rank {0} → {1} by its best sentence or row", "reciprocal rank fusion", "states a change".</summary>
    public required string RankWeightFormat { get; init; }
    public required string SupersededFormat { get; init; }
    public required string NamesFormat { get; init; }
    public required string ReorderFormat { get; init; }
    public required string ReciprocalRankFusion { get; init; }
    public required string StatesAChange { get; init; }

    /// <summary>The most characters a retrieval-test question may have.</summary>
    public const int MaxQuestion = 500;

    /// <summary>A ranking rule's name in this language ("DenseList:bge-small-zh" keeps its model's name after the rule's).</summary>
    public string Rule(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var (rule, model) = colon < 0 ? (name, null) : (name[..colon], name[(colon + 1)..]);
        var words = Rules.TryGetValue(rule, out var w) ? w : rule;
        return model is null ? words : $"{words} ({model})";
    }

    /// <summary>
    /// A rule's evidence in this language, for the phrases the ranking code writes (<see cref="RankWeightFormat"/> and the
    /// rest); any other evidence is shown as written, being data the rule quotes (identifiers, numbers).
    /// </summary>
    public string Evidence(string evidence)
    {
        if (evidence == "reciprocal rank fusion") return ReciprocalRankFusion;
        if (evidence == "states a change") return StatesAChange;
        if (RankWeight().Match(evidence) is { Success: true } m) return Format(RankWeightFormat, m.Groups[1].Value, m.Groups[2].Value);
        if (Reorder().Match(evidence) is { Success: true } r) return Format(ReorderFormat, r.Groups[1].Value, r.Groups[2].Value);
        if (evidence.StartsWith("superseded revision ", StringComparison.Ordinal)) return Format(SupersededFormat, evidence["superseded revision ".Length..]);
        if (evidence.StartsWith("names ", StringComparison.Ordinal)) return Format(NamesFormat, evidence["names ".Length..]);
        return evidence;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^rank (\d+), weight ([\d.]+)$")]
    private static partial System.Text.RegularExpressions.Regex RankWeight();

    [System.Text.RegularExpressions.GeneratedRegex(@"^rank (\d+) → (\d+) by its best sentence or row$")]
    private static partial System.Text.RegularExpressions.Regex Reorder();

    /// <summary>A mark problem as a sentence naming the field and the reason.</summary>
    public string Problem(FeedbackMarkProblem problem) => problem switch
    {
        FeedbackMarkProblem.NoPassageChosen => NoPassageChosen,
        FeedbackMarkProblem.PassageEmpty => PassageEmpty,
        FeedbackMarkProblem.PassageTooShort => Format(PassageTooShortFormat, FeedbackMarkRules.MinPassage),
        FeedbackMarkProblem.PassageTooLong => Format(PassageTooLongFormat, FeedbackMarkRules.MaxPassage),
        FeedbackMarkProblem.PassageNotInChunk => PassageNotInChunk,
        FeedbackMarkProblem.ExpectedEmpty => ExpectedEmpty,
        FeedbackMarkProblem.ExpectedTooLong => Format(ExpectedTooLongFormat, FeedbackMarkRules.MaxExpected),
        _ => SplitUnknown,
    };

    public string SplitName(string? split) => split == FeedbackMarkRules.Test ? SplitTest : SplitDev;

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);

    public static readonly ToolsText Chinese = new()
    {
        Tools = "工具",
        FeedbackTitle = "反馈标注",
        FeedbackIntro = "用户评为“没帮助”的回答，最新的在前。为每条标出本应引用的段落和正确答案应包含的文字；已标注的可导出为评测问题（rag eval）。",
        NoNegativeFeedback = "还没有被评为“没帮助”的回答。",
        Question = "问题",
        Answer = "回答",
        Comment = "用户说明",
        NoComment = "（无说明）",
        User = "用户",
        Time = "时间",
        CitedSources = "回答引用的来源",
        NoSources = "（没有引用来源）",
        Marked = "已标注",
        NotMarked = "未标注",
        ChoosePassage = "本应引用的段落",
        FromSources = "从回答的来源中选择，或在知识库中搜索：",
        SearchKnowledgeBase = "在知识库中搜索段落",
        SearchButton = "搜索",
        NoResults = "没有找到段落。",
        Choose = "选用",
        Chosen = "已选",
        ChosenPassage = "已选段落",
        PassageWords = "段落标识文字",
        PassageWordsHelp = "所选段落原文中能唯一识别它的一段文字（至少 6 个字符）",
        ExpectedValue = "正确答案应包含",
        ExpectedValueHelp = "正确回答必须包含的文字；多项用分号分隔",
        Split = "评测集",
        SplitDev = "开发集（用于调优）",
        SplitTest = "测试集（只用于报告）",
        SaveMark = "保存标注",
        RemoveMark = "取消标注",
        MarkSaved = "标注已保存",
        MarkRemoved = "标注已取消",
        Export = "导出评测问题",
        MarkedCountFormat = "已标注 {0} 条",
        NoPassageChosen = "本应引用的段落：请从来源或搜索结果中选择一个段落。",
        PassageEmpty = "段落标识文字：不能为空。",
        PassageTooShortFormat = "段落标识文字：太短，至少需要 {0} 个字符（不计空白）。",
        PassageTooLongFormat = "段落标识文字：太长，最多 {0} 个字符。",
        PassageNotInChunk = "段落标识文字：在所选段落的原文中找不到，请从原文中复制。",
        ExpectedEmpty = "正确答案应包含：不能为空。",
        ExpectedTooLongFormat = "正确答案应包含：每项最多 {0} 个字符。",
        SplitUnknown = "评测集：请选择开发集或测试集。",
        RetrievalTitle = "检索测试",
        RetrievalNav = "检索测试",
        FeedbackNav = "反馈",
        RetrievalIntro = "输入问题，查看检索到的段落及其排名：向量检索与关键词检索各自的分数和名次、融合分数、最终排名和打分过程。",
        RetrievalQuestion = "问题",
        RetrievalRun = "检索",
        TopK = "返回条数",
        Library = "文档库",
        AllReadableLibraries = "全部可读的库",
        Rank = "排名",
        Fused = "融合分数",
        FinalScore = "最终分数",
        Dense = "向量检索",
        Keyword = "关键词检索",
        ScoreRankFormat = "分数 {0} · 第 {1} 名",
        NotInList = "未命中",
        RuleTrace = "打分过程",
        NoChunks = "没有检索到段落。",
        QuestionEmpty = "问题：不能为空。",
        QuestionTooLongFormat = "问题：太长，最多 {0} 个字符。",
        TopKOutOfRangeFormat = "返回条数：必须在 1 到 {0} 之间。",
        Rules = new Dictionary<string, string>
        {
            ["KeywordList"] = "关键词列表", ["DenseList"] = "向量列表", ["CoverageList"] = "问题词覆盖列表", ["Fused"] = "融合",
            ["SupersededRevision"] = "已作废版本降权", ["OtherOperation"] = "其他工序或材料降权", ["ChangeRecord"] = "变更记录加权",
            ["EvidenceReorder"] = "按最佳句子或行重排",
        },
        RankWeightFormat = "第 {0} 名，权重 {1}",
        SupersededFormat = "已作废版本 {0}",
        NamesFormat = "提到的是 {0}",
        ReorderFormat = "按最佳句子或行从第 {0} 名移到第 {1} 名",
        ReciprocalRankFusion = "倒数排名融合",
        StatesAChange = "写明了变更",
    };

    public static readonly ToolsText English = Chinese with
    {
        Tools = "Tools",
        FeedbackTitle = "Feedback review",
        FeedbackIntro = "Answers users rated not helpful, newest first. Mark the passage each should have cited and the words a right answer contains; marked ones export as evaluation questions (rag eval).",
        NoNegativeFeedback = "No answer has been rated not helpful yet.",
        Question = "Question",
        Answer = "Answer",
        Comment = "User's comment",
        NoComment = "(no comment)",
        User = "User",
        Time = "Time",
        CitedSources = "Sources the answer cited",
        NoSources = "(no sources cited)",
        Marked = "marked",
        NotMarked = "not marked",
        ChoosePassage = "Passage that should have been cited",
        FromSources = "Choose one of the answer's sources, or search the knowledge base:",
        SearchKnowledgeBase = "Search the knowledge base for a passage",
        SearchButton = "Search",
        NoResults = "No passage found.",
        Choose = "Choose",
        Chosen = "Chosen",
        ChosenPassage = "Chosen passage",
        PassageWords = "Passage words",
        PassageWordsHelp = "Words of the chosen passage that identify it (at least 6 characters)",
        ExpectedValue = "A right answer contains",
        ExpectedValueHelp = "Words a right answer must contain; separate several with semicolons",
        Split = "Split",
        SplitDev = "dev (tune on it)",
        SplitTest = "test (report only)",
        SaveMark = "Save mark",
        RemoveMark = "Remove mark",
        MarkSaved = "Mark saved",
        MarkRemoved = "Mark removed",
        Export = "Export questions",
        MarkedCountFormat = "{0} marked",
        NoPassageChosen = "Passage that should have been cited: choose a passage from the sources or the search results.",
        PassageEmpty = "Passage words: must not be empty.",
        PassageTooShortFormat = "Passage words: too short, at least {0} characters (not counting spaces).",
        PassageTooLongFormat = "Passage words: too long, at most {0} characters.",
        PassageNotInChunk = "Passage words: not found in the chosen passage's text; copy them from it.",
        ExpectedEmpty = "A right answer contains: must not be empty.",
        ExpectedTooLongFormat = "A right answer contains: at most {0} characters each.",
        SplitUnknown = "Split: choose dev or test.",
        RetrievalTitle = "Retrieval test",
        RetrievalNav = "Retrieval",
        FeedbackNav = "Feedback",
        RetrievalIntro = "Ask a question and see the passages retrieved and how they ranked: each retriever's score and rank, the fused score, the final rank and the rule trace.",
        RetrievalQuestion = "Question",
        RetrievalRun = "Retrieve",
        TopK = "Top k",
        Library = "Library",
        AllReadableLibraries = "All readable libraries",
        Rank = "Rank",
        Fused = "Fused score",
        FinalScore = "Final score",
        Dense = "Dense",
        Keyword = "Keyword (BM25)",
        ScoreRankFormat = "score {0} · rank {1}",
        NotInList = "not retrieved",
        RuleTrace = "Rule trace",
        NoChunks = "No passage retrieved.",
        QuestionEmpty = "Question: must not be empty.",
        QuestionTooLongFormat = "Question: too long, at most {0} characters.",
        TopKOutOfRangeFormat = "Top k: must be between 1 and {0}.",
        Rules = new Dictionary<string, string>
        {
            ["KeywordList"] = "keyword list", ["DenseList"] = "dense list", ["CoverageList"] = "coverage list", ["Fused"] = "fused",
            ["SupersededRevision"] = "superseded revision", ["OtherOperation"] = "other operation", ["ChangeRecord"] = "change record",
            ["EvidenceReorder"] = "evidence re-order",
        },
        RankWeightFormat = "rank {0}, weight {1}",
        SupersededFormat = "superseded revision {0}",
        NamesFormat = "names {0}",
        ReorderFormat = "rank {0} → {1} by its best sentence or row",
        ReciprocalRankFusion = "reciprocal rank fusion",
        StatesAChange = "states a change",
    };
}
