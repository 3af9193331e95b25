namespace RagAssistant.Core.Storage;

/// <summary>Why a name cannot name a library (<see cref="Libraries.Check"/>): callers that speak to people word it in their language.</summary>
public enum LibraryNameProblem
{
    Empty,
    Reserved,
    TooLong,
    Invisible,
}
