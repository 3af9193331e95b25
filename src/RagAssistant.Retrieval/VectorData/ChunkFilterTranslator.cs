using System.Linq.Expressions;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.VectorData;

/// <summary>
/// Translates a VectorData filter over <see cref="ChunkRecord"/> into the store's <see cref="SearchFilter"/>. Supported:
/// <c>r.Library == x</c>, <c>r.Kind == x</c>, <c>r.Identity == x</c> (any revision of that identity), <c>r.Language == "zh" | "en"</c>,
/// <c>!r.Superseded</c> / <c>r.Superseded == false</c>, list <c>.Contains(r.Library)</c> / <c>.Contains(r.Kind)</c>,
/// and <c>&amp;&amp;</c> of these (x a constant or a captured variable). Anything else throws
/// <see cref="NotSupportedException"/>: the filter is applied inside the index scan, not by evaluating the lambda.
/// </summary>
internal static class ChunkFilterTranslator
{
    public static SearchFilter Translate(Expression<Func<ChunkRecord, bool>>? filter)
    {
        if (filter is null) return SearchFilter.None;
        var parts = new Parts();
        Visit(filter.Body, filter.Parameters[0], parts);
        return new SearchFilter(parts.Libraries, parts.Kinds, parts.Identity, parts.CurrentOnly, parts.Language);
    }

    private sealed class Parts
    {
        public List<string>? Libraries;
        public List<string>? Kinds;
        public string? Identity;
        public bool CurrentOnly;
        public string? Language;
    }

    private static void Visit(Expression node, ParameterExpression record, Parts parts)
    {
        switch (node)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso } and:
                Visit(and.Left, record, parts);
                Visit(and.Right, record, parts);
                return;
            case UnaryExpression { NodeType: ExpressionType.Not, Operand: MemberExpression m } when IsMember(m, record, nameof(ChunkRecord.Superseded)):
                parts.CurrentOnly = true;
                return;
            case BinaryExpression { NodeType: ExpressionType.Equal } eq:
                var (member, value) = IsRecordMember(eq.Left, record) ? ((MemberExpression)Unwrap(eq.Left), eq.Right) : IsRecordMember(eq.Right, record) ? ((MemberExpression)Unwrap(eq.Right), eq.Left) : (null, null);
                if (member is null || value is null) break;
                var constant = Evaluate(value);
                switch (member.Member.Name)
                {
                    case nameof(ChunkRecord.Library) when constant is string library:
                        parts.Libraries = Intersect(parts.Libraries, [library]);
                        return;
                    case nameof(ChunkRecord.Kind) when constant is string kind:
                        parts.Kinds = Intersect(parts.Kinds, [kind]);
                        return;
                    case nameof(ChunkRecord.Identity) when constant is string identity && parts.Identity is null:
                        parts.Identity = identity;
                        return;
                    // Two different languages exclude everything: a value no chunk has.
                    case nameof(ChunkRecord.Language) when constant is string language:
                        parts.Language = parts.Language is null || parts.Language == language ? language : "\0none";
                        return;
                    case nameof(ChunkRecord.Superseded) when constant is false:
                        parts.CurrentOnly = true;
                        return;
                }
                break;
            case MethodCallExpression { Method.Name: "Contains" } call:
                // list.Contains(r.X) as an instance call (List<T>) or the Enumerable/MemoryExtensions static form.
                var (source, item) = call.Object is not null && call.Arguments.Count == 1 ? (call.Object, call.Arguments[0])
                    : call.Arguments.Count == 2 ? (call.Arguments[0], call.Arguments[1]) : (null, null);
                if (source is null || item is null || !IsRecordMember(Unwrap(item), record)) break;
                if (Evaluate(Unwrap(source)) is not IEnumerable<string> values) break;
                switch (((MemberExpression)Unwrap(item)).Member.Name)
                {
                    case nameof(ChunkRecord.Library):
                        parts.Libraries = Intersect(parts.Libraries, values.ToList());
                        return;
                    case nameof(ChunkRecord.Kind):
                        parts.Kinds = Intersect(parts.Kinds, values.ToList());
                        return;
                }
                break;
        }
        throw new NotSupportedException(
            $"The chunk collection cannot translate the filter part '{node}'. Supported: r.Library == x, r.Kind == x, r.Identity == x, r.Language == x, " +
            "!r.Superseded, list.Contains(r.Library | r.Kind), combined with &&.");
    }

    // An empty intersection must still exclude everything, so it becomes a value no chunk has.
    private static List<string> Intersect(List<string>? current, List<string> values)
    {
        if (current is null) return values;
        var both = current.Intersect(values).ToList();
        return both.Count > 0 ? both : ["\0none"];
    }

    // C# 14 binds array.Contains(x) to MemoryExtensions.Contains over an implicit array → span conversion, which an
    // expression tree cannot evaluate; the array itself is the value wanted.
    private static Expression Unwrap(Expression e) => e switch
    {
        UnaryExpression { NodeType: ExpressionType.Convert } c => Unwrap(c.Operand),
        MethodCallExpression { Method.Name: "op_Implicit", Arguments: [var operand] } => Unwrap(operand),
        _ => e,
    };

    private static bool IsRecordMember(Expression e, ParameterExpression record) => Unwrap(e) is MemberExpression { Expression: var target } && target == record;

    private static bool IsMember(MemberExpression m, ParameterExpression record, string name) => m.Expression == record && m.Member.Name == name;

    /// <summary>The value of a constant or of a closure field (a captured local); the record must not occur in it.</summary>
    private static object? Evaluate(Expression e)
    {
        if (new ParameterFinder().Finds(e)) throw new NotSupportedException($"The chunk collection cannot compare two record properties ('{e}').");
        return e is ConstantExpression c ? c.Value : Expression.Lambda(e).Compile(preferInterpretation: true).DynamicInvoke();
    }

    private sealed class ParameterFinder : ExpressionVisitor
    {
        private bool _found;

        public bool Finds(Expression e)
        {
            Visit(e);
            return _found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found = true;
            return node;
        }
    }
}
