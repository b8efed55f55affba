using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using IacAnalyzers.Catalog;
using IacAnalyzers.Cdk;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// The one way to run a rule directly over resource views (unit tests of a rule's logic, where the official verifier
    /// would only show a span): views read from template text by the real reader (<see cref="FromTemplate"/>), built
    /// from C# by the CDK front-end (<see cref="FromCSharp"/>), or built by hand for value shapes no front-end writes
    /// today (a null branch, a CDK-style provenance, a resolved Sub).
    /// Built values get distinct locations (from 1000 on, or at the offset given), so a test can assert which value a
    /// finding points at. The builders of one instance share a resource context (references, clusters and members).
    /// </summary>
    internal sealed class ViewBuilder
    {
        private readonly ListResourceContext context = new ListResourceContext();
        private int next = 1000;

        public IResourceContext Context => context;

        /// <summary>The resources built so far, in order.</summary>
        public ResourceView[] All => context.Resources.ToArray();

        /// <summary>The resources of a template read by the template reader (which must read it without errors).</summary>
        public static IReadOnlyList<ResourceView> FromTemplate(string text, string path = "template.yaml")
        {
            var template = TemplateReader.Read(path, text, CancellationToken.None);
            Assert.NotNull(template);
            Assert.Empty(template!.Errors);
            return template.Resources;
        }

        /// <summary>
        /// The resources the CDK front-end builds from C# (<see cref="CdkVerifier.Usings"/> prepended; must compile), member
        /// by member in source order: the views the rules read inside the compiler.
        /// </summary>
        public static IReadOnlyList<ResourceView> FromCSharp(string source)
        {
            var compilation = CdkVerifier.Compile(new[] { CdkVerifier.Usings + source });
            var views = new List<ResourceView>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var member in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
                {
                    if (model.GetOperation(member) is IOperation body)
                    {
                        views.AddRange(CdkAnalyzer.ViewsOf(compilation, body, CancellationToken.None) ?? throw new InvalidOperationException("No Amazon.CDK.Lib in the test references."));
                    }
                }
            }

            return views;
        }

        /// <summary>The findings of <paramref name="rule"/> on the resources of its types.</summary>
        public static IReadOnlyList<Finding> Run(Rule rule, IEnumerable<ResourceView> resources)
        {
            var findings = new List<Finding>();
            foreach (var resource in resources.Where(r => rule.ResourceTypes.Any(r.IsType)))
            {
                rule.Analyze(resource, findings);
            }

            Assert.All(findings, f => Assert.Same(rule.Info, f.Rule));
            return findings;
        }

        /// <inheritdoc cref="Run(Rule, IEnumerable{ResourceView})"/>
        public static IReadOnlyList<Finding> Run(Rule rule, params ResourceView[] resources) => Run(rule, (IEnumerable<ResourceView>)resources);

        /// <summary>The findings of every registered rule with one of <paramref name="ids"/> on <paramref name="resources"/>.</summary>
        public static IReadOnlyList<Finding> Run(IReadOnlyCollection<string> ids, IEnumerable<ResourceView> resources)
        {
            var findings = new List<Finding>();
            foreach (var resource in resources)
            {
                foreach (var rule in IacAnalyzers.Rules.RuleSet.ForType(resource.Type).Where(r => ids.Contains(r.Info.Id)))
                {
                    rule.Analyze(resource, findings);
                }
            }

            return findings;
        }

        /// <summary>A location of its own (the next free offset), or at <paramref name="at"/>.</summary>
        public SourceLocation Loc(int? at = null, int length = 1)
        {
            var start = at ?? next++;
            return new SourceLocation("view", start, length, 0, start, 0, start + length);
        }

        public ScalarValue S(string text, string? provenance = null, int? at = null)
            => new ScalarValue(text, ScalarKind.String, Loc(at), Origin(provenance));

        public ScalarValue N(long number, string? provenance = null, int? at = null)
            => new ScalarValue(number.ToString(CultureInfo.InvariantCulture), ScalarKind.Number, Loc(at), Origin(provenance));

        public ScalarValue B(bool value, string? provenance = null, int? at = null)
            => new ScalarValue(value ? "true" : "false", ScalarKind.Boolean, Loc(at), Origin(provenance));

        /// <summary>An explicit null (what a C# <c>null</c> or a YAML <c>~</c> yields).</summary>
        public ScalarValue Null(int? at = null) => new ScalarValue(string.Empty, ScalarKind.Null, Loc(at));

        public UnknownValue Unknown(string reason = "a method result", int? at = null) => new UnknownValue(reason, Loc(at));

        /// <summary>A reference to another resource (<c>Ref</c>, or <c>Fn::GetAtt</c> with <paramref name="attribute"/>).</summary>
        public UnknownValue Ref(string target, string? attribute = null)
            => new UnknownValue(attribute == null ? "Ref " + target : "Fn::GetAtt " + target + "." + attribute, Loc(), null, target, attribute);

        /// <summary>Two branches of template condition <paramref name="condition"/> (what <c>Fn::If</c> yields).</summary>
        public OneOfValue If(string condition, Value whenTrue, Value whenFalse, int? at = null) => new OneOfValue(
            new[]
            {
                new Branch(Condition.Template(condition), true, whenTrue),
                new Branch(Condition.Template(condition), false, whenFalse),
            },
            Loc(at));

        public ListValue L(params Value[] items) => new ListValue(items, Loc());

        public MapValue M(params (string Key, Value Value)[] entries)
            => new MapValue(entries.Select(e => new MapEntry(e.Key, Loc(), e.Value)).ToArray(), Loc());

        /// <summary>A resource of this builder's context (a template resource; <paramref name="properties"/> default to none).</summary>
        public ResourceView Resource(string type, string name, MapValue? properties = null, string? condition = null)
        {
            var view = new ResourceView(type, name, Loc(), properties ?? M(), Surfaces.CloudFormation, context, null, condition);
            context.Add(view);
            return view;
        }

        private static Provenance? Origin(string? provenance) => provenance == null ? null : Provenance.ParameterDefault(provenance);
    }
}
