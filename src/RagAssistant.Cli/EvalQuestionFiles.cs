using RagAssistant.Core.Evaluation;
using RagAssistant.Retrieval.Evaluation;

namespace RagAssistant.Cli;

/// <summary>Question files (EVAL.md) as <c>rag eval</c> and <c>rag bench ocr</c> read them: one set, a bad file failing the command.</summary>
internal static class EvalQuestionFiles
{
    public static IReadOnlyList<EvalQuestion> Read(IReadOnlyList<string> paths)
    {
        try
        {
            return EvalRunner.ReadQuestions(paths);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new CommandException(ex.Message);
        }
    }
}
