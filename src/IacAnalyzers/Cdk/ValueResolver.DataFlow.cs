using System;
using System.Collections.Generic;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IacAnalyzers.Cdk
{
    /// <summary>Local data flow: a local's last definite write before the use, member writes applied in order, escapes, and arguments bound to a helper's parameters.</summary>
    public sealed partial class ValueResolver
    {
        /// <summary>
        /// A construct's own property writes after its creation (<c>var db = new CfnDBInstance(...); db.MultiAz = true;</c>),
        /// in order: last write wins. Conditional writes become unknown. Empty when the construct is not held in a local.
        /// </summary>
        public IReadOnlyList<MapEntry> WritesAfterCreation(IObjectCreationOperation creation)
        {
            var local = DeclaredLocal(creation);
            if (local == null)
            {
                return Array.Empty<MapEntry>();
            }

            var index = BodyIndex.Of(creation);
            var result = new List<MapEntry>();
            foreach (var w in index.MemberWritesOf(local))
            {
                if (w.Start < creation.Syntax.Span.End || w.Path.Length != 1)
                {
                    continue;
                }

                var key = Locations.FromSyntax(w.Target.Syntax);
                var value = w.Value == null || !BodyIndex.Dominates(w.Node, creation)
                    ? Unknown("changed conditionally after creation", w.Node.Syntax)
                    : Resolve(w.Value, Env.Empty);
                result.Add(new MapEntry(w.Path[0], key, value));
            }

            return result;
        }

        /// <summary>The local a creation is stored in (<c>var x = new ...;</c> or <c>x = new ...;</c>), or null.</summary>
        public static ILocalSymbol? DeclaredLocal(IOperation creation)
        {
            var p = creation.Parent;
            while (p is IConversionOperation)
            {
                p = p.Parent;
            }

            if (p is IVariableInitializerOperation initializer && initializer.Parent is IVariableDeclaratorOperation declarator)
            {
                return declarator.Symbol;
            }

            if (p is ISimpleAssignmentOperation assignment && assignment.Target is ILocalReferenceOperation target)
            {
                return target.Local;
            }

            return null;
        }

        // ---- names: locals, parameters, fields, properties, helper methods ----------------------------------

        private Value ResolveLocal(ILocalReferenceOperation reference, Env env)
        {
            var local = reference.Local;
            if (local.IsRef || local.IsConst)
            {
                return Unknown("a ref local", reference.Syntax);
            }

            if (!active.Add(local))
            {
                return Unknown("a local that refers to itself", reference.Syntax);
            }

            try
            {
                var index = BodyIndex.Of(reference);
                var use = reference.Syntax.SpanStart;
                BodyIndex.Write? last = null;
                var uncertain = false;
                foreach (var write in index.WritesOf(local))
                {
                    if (write.End <= use)
                    {
                        if (!write.Opaque && write.Value != null && BodyIndex.Dominates(write.Node, reference))
                        {
                            last = write;
                            uncertain = false;
                        }
                        else
                        {
                            // A later conditional or opaque write makes the value uncertain; an earlier one is overwritten.
                            uncertain = true;
                        }
                    }
                    else if (write.Start > use && BodyIndex.InSameLoop(write.Node, reference))
                    {
                        uncertain = true;
                    }
                }

                if (last == null || uncertain)
                {
                    return Unknown(last == null ? "a local without a definite value" : "a local changed conditionally", reference.Syntax);
                }

                var value = Resolve(last.Value!, env);
                if (CdkValues.ConstructId(value) != null)
                {
                    // A construct is an identity, not data: passing it around or setting its properties does not change it.
                    return value;
                }

                if ((value is MapValue || value is ListValue) && symbols.Facts.MayBeChangedByOthers(local.Type))
                {
                    // A mutable object handed to other code before the use may have been changed there.
                    foreach (var escape in index.EscapesOf(local))
                    {
                        if (escape > last.End && escape < use)
                        {
                            return Unknown("an object passed elsewhere before use", reference.Syntax);
                        }
                    }
                }

                value = ApplyMemberWrites(value, index, local, last.End, reference, env, out var mutated);
                if (mutated && value is MapValue mutatedMap)
                {
                    // The object is completed by later statements: it is located at the use, so no fix edits its initializer.
                    return new MapValue(mutatedMap.Entries, Locations.FromSyntax(reference.Syntax), mutatedMap.Provenance);
                }

                return Relocate(value, reference.Syntax, "the local `" + local.Name + "`");
            }
            finally
            {
                active.Remove(local);
            }
        }

        private Value ApplyMemberWrites(Value value, BodyIndex index, ILocalSymbol local, int after, ILocalReferenceOperation use, Env env, out bool mutated)
        {
            mutated = false;
            var writes = index.MemberWritesOf(local);
            if (writes.Count == 0)
            {
                return value;
            }

            var position = use.Syntax.SpanStart;
            foreach (var write in writes)
            {
                if (write.Start < after || write.End > position)
                {
                    if (write.Start > position && BodyIndex.InSameLoop(write.Node, use))
                    {
                        return Unknown("an object changed in a loop", use.Syntax);
                    }

                    continue;
                }

                if (!(value is MapValue map))
                {
                    return Unknown("an object changed after it was built", use.Syntax);
                }

                mutated = true;
                var written = write.Value == null || !BodyIndex.Dominates(write.Node, use)
                    ? Unknown("changed conditionally", write.Node.Syntax)
                    : Resolve(write.Value, env);
                value = With(map, write.Path, 0, Locations.FromSyntax(write.Target.Syntax), written, write.Node.Syntax);
            }

            return value;
        }

        private static Value With(MapValue map, string[] path, int at, SourceLocation keyLocation, Value value, SyntaxNode writeSyntax)
        {
            var entries = new List<MapEntry>(map.Entries.Count + 1);
            entries.AddRange(map.Entries);
            if (at == path.Length - 1)
            {
                entries.Add(new MapEntry(path[at], keyLocation, value));
            }
            else
            {
                var inner = map.Get(path[at]);
                var replaced = inner is MapValue innerMap
                    ? With(innerMap, path, at + 1, keyLocation, value, writeSyntax)
                    : Unknown("a nested object changed after it was built", writeSyntax);
                entries.Add(new MapEntry(path[at], keyLocation, replaced));
            }

            return new MapValue(entries, map.Location, map.Provenance);
        }

        private Value ResolveParameter(IParameterReferenceOperation reference, Env env)
        {
            for (var frame = env; frame != null && frame.Arguments != null; frame = frame.Outer)
            {
                if (frame.Arguments.TryGetValue(reference.Parameter, out var argument))
                {
                    var value = Resolve(argument, frame.Outer ?? Env.Empty);
                    return value is ScalarValue s && s.Provenance == null
                        ? s.WithProvenance("the argument for `" + reference.Parameter.Name + "` of `" + frame.Method + "`")
                        : value;
                }
            }

            return Unknown("a parameter", reference.Syntax);
        }
    }
}
