global using RagAssistant.Core.Access;
global using RagAssistant.Core.Jobs;
