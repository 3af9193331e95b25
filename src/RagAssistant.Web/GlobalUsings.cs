global using RagAssistant.Core.Access;
