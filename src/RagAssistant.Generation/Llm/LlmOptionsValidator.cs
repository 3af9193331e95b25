using Microsoft.Extensions.Options;

namespace RagAssistant.Generation.Llm;

/// <summary>Options validation through <see cref="LlmOptions.Validate"/>, so a host fails at start naming the bad setting.</summary>
internal sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
