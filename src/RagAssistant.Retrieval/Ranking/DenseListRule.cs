using RagAssistant.Core.Relevance;

namespace RagAssistant.Retrieval.Ranking;

/// <summary>
/// The fusion weight of one model's dense list for a question in one language (the keyword list weighs 1): a model
/// that reads the question's language re-ranks the keyword candidates usefully only at a low weight (decision 0002,
/// 0012: 0.1 each for the built-in pair, chosen on the dev split); a model that cannot read Chinese gets
/// <see cref="RelevanceOptions.DenseListChineseWithEnglishModel"/> for a Chinese question (its scores are noise).
/// </summary>
public static class DenseListRule
{
    public const string Name = "DenseList";

    public static double WeightOf(RelevanceOptions options, string modelName, string language, bool modelUnderstandsChinese) =>
        options.DenseLists.TryGetValue(modelName, out var weights) ? language == "zh" ? weights.Zh : weights.En
        : language == "zh" && !modelUnderstandsChinese ? options.DenseListChineseWithEnglishModel : options.DenseListDefault;
}
