using System.Linq;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Tests.Iam
{
    /// <summary>Builds neutral values by hand (for shapes a front-end yields that the current reader does not: one-of, resolved Sub).</summary>
    internal static class ViewBuilder
    {
        private static int next;

        public static SourceLocation Loc()
        {
            var start = System.Threading.Interlocked.Add(ref next, 10);
            return new SourceLocation("built.yaml", start, 5, 0, start, 0, start + 5);
        }

        public static ScalarValue Str(string text, string? provenance = null) => new ScalarValue(text, ScalarKind.String, Loc(), provenance == null ? null : Provenance.ParameterDefault(provenance));

        public static ListValue List(params Value[] items) => new ListValue(items, Loc());

        public static MapValue Map(params (string Key, Value Value)[] entries)
            => new MapValue(entries.Select(e => new MapEntry(e.Key, Loc(), e.Value)).ToArray(), Loc());

        public static OneOfValue OneOf(string condition, Value whenTrue, Value whenFalse)
            => new OneOfValue(new[] { new Branch(Condition.Template(condition), true, whenTrue), new Branch(Condition.Template(condition), false, whenFalse) }, Loc());

        public static UnknownValue Unknown() => new UnknownValue("test", Loc());

        public static ResourceView Resource(string type, string name, params (string Key, Value Value)[] properties)
            => new ResourceView(type, name, Loc(), Map(properties), Surfaces.CloudFormation);
    }
}
