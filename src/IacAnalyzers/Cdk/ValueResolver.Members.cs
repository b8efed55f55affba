using System;
using System.Collections.Generic;
using System.Linq;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IacAnalyzers.Cdk
{
    /// <summary>Names declared elsewhere: fields, properties, construct attributes and helper methods, read through <see cref="DeclarationReader"/>.</summary>
    public sealed partial class ValueResolver
    {
        private Value ResolveField(IFieldReferenceOperation reference, Env env)
        {
            var field = reference.Field;
            if (field.IsStatic && symbols.IsCdkType(field.ContainingType))
            {
                return StaticMember(field.ContainingType, field.Name, Array.Empty<IArgumentOperation>(), reference.Syntax, env, field.Type);
            }

            var provenance = "the field `" + field.ContainingType.Name + "." + field.Name + "`";
            if (field.IsStatic && field.IsReadOnly)
            {
                var initializer = declarations.DeclaredInitializer(field);
                if (initializer != null)
                {
                    return FromDeclaration(field, initializer, reference, env, provenance);
                }
            }

            return AssignedOnce(field, reference.Instance, reference, env, provenance);
        }

        private Value ResolveProperty(IPropertyReferenceOperation reference, Env env)
        {
            var property = reference.Property;
            if (property.IsStatic && property.Name == "ANY_RESOURCE" && property.ContainingType.Name == "AwsCustomResourcePolicy" && symbols.IsCdkType(property.ContainingType))
            {
                // Amazon.CDK.Lib 2.160.0: "Use this constant to configure access to any resource" (the list ["*"]).
                var at = Locations.FromSyntax(reference.Syntax);
                return new ListValue(new Value[] { new ScalarValue("*", ScalarKind.String, at, IacAnalyzers.Model.Provenance.NamedConstant("AwsCustomResourcePolicy.ANY_RESOURCE")) }, at);
            }

            if (property.IsStatic && symbols.IsCdkType(property.ContainingType))
            {
                return StaticMember(property.ContainingType, property.Name, Array.Empty<IArgumentOperation>(), reference.Syntax, env, property.Type);
            }

            var provenance = "the property `" + property.ContainingType.Name + "." + property.Name + "`";
            if (RecordMember(reference, env, "the member `" + Label(reference.Syntax) + "`") is Value member)
            {
                return member;
            }

            if (!symbols.IsCdkType(property.ContainingType) && !property.IsIndexer && !property.IsVirtual && !property.IsAbstract && !property.IsOverride)
            {
                if (property.SetMethod == null)
                {
                    // T X { get; } = value;   T X => value;   T X { get { return value; } }
                    var expression = declarations.DeclaredGetterExpression(property);
                    if (expression != null)
                    {
                        return property.IsStatic
                            ? FromDeclaration(property, expression, reference, env, provenance)
                            : OfInstance(property, expression, null, reference.Instance, reference, env, provenance);
                    }
                }

                var assigned = AssignedOnce(property, reference.Instance, reference, env, provenance);
                if (!(assigned is UnknownValue) || !symbols.IsConstruct(reference.Instance?.Type))
                {
                    return assigned;
                }
            }

            if (!property.IsStatic && reference.Instance != null && symbols.IsConstruct(reference.Instance.Type))
            {
                return ConstructAttribute(reference.Instance, property.Name, reference.Syntax, env);
            }

            if (StructMember(reference, env) is Value written)
            {
                return written;
            }

            return Unknown(symbols.IsCdkType(property.ContainingType) ? "a CDK token" : "a property", reference.Syntax);
        }

        /// <summary>
        /// <c>props.MultiAz</c> on a local holding a CDK props object (a jsii struct: <c>var props = new DatabaseInstanceProps
        /// { MultiAz = false }</c>): the member's value when the body writes it exactly once (in the initializer or by one
        /// <c>props.MultiAz = v;</c>), read through the local's own data flow (<see cref="ResolveLocal"/>: last definite write,
        /// escapes, member writes), so no new walk. Not written at all: <c>null</c> (a struct member nobody set is not
        /// set). Written twice, conditionally or in a way we cannot read: null here, so the caller says unknown.
        /// </summary>
        private Value? StructMember(IPropertyReferenceOperation reference, Env env)
        {
            var property = reference.Property;
            if (property.IsStatic || property.IsIndexer || !(reference.Instance is ILocalReferenceOperation local)
                || !symbols.IsCdkType(property.ContainingType) || local.Type == null || !symbols.IsCdkType(local.Type) || !symbols.IsDataType(local.Type))
            {
                return null;
            }

            // Every statement of the body that writes the member (before or after this read), and those before it.
            var writes = 0;
            var before = 0;
            var use = reference.Syntax.SpanStart;
            foreach (var write in indexes.Of(local).MemberWritesOf(local.Local))
            {
                if (write.Path.Length > 0 && string.Equals(write.Path[0], property.Name, StringComparison.OrdinalIgnoreCase))
                {
                    writes++;
                    before += write.End <= use ? 1 : 0;
                }
            }

            if (!(Resolve(local, env) is MapValue map) || CdkValues.ConstructId(map) != null || CdkValues.TypeName(map) != null)
            {
                return null;
            }

            MapEntry? entry = null;
            var entries = 0;
            foreach (var e in map.Entries)
            {
                if (string.Equals(e.Key, property.Name, StringComparison.OrdinalIgnoreCase))
                {
                    entry = e;
                    entries++;
                }
            }

            // The map holds the initializer's entry (if any) plus one per write before the read: written once in all means
            // one entry and no other write anywhere in the body.
            var initializer = entries - before;
            var provenance = "the member `" + Label(reference.Syntax) + "`";
            if (entries == 0 && writes == 0)
            {
                return new ScalarValue("null", ScalarKind.Null, Locations.FromSyntax(reference.Syntax), IacAnalyzers.Model.Provenance.NamedConstant(provenance));
            }

            return entry != null && entries == 1 && initializer >= 0 && initializer + writes == 1 && !(entry.Value is UnknownValue)
                ? Relocate(entry.Value, reference.Syntax, provenance)
                : null;
        }

        /// <summary>
        /// A field or property written once (its initializer, or one statement of a constructor): that value. When the
        /// object it belongs to is created in reach (<c>var holder = new Holder(arn); role.AddToPolicy(holder.Statement);</c>),
        /// the constructor's parameters are bound to the creation's arguments; otherwise they stay unknown. Written more than
        /// once, elsewhere, or settable by other code: unknown (see <see cref="DeclarationReader.SingleWrite"/>).
        /// </summary>
        private Value AssignedOnce(ISymbol member, IOperation? instance, IOperation reference, Env env, string provenance)
        {
            var write = declarations.SingleWrite(member, out var why);
            if (write == null)
            {
                return Unknown(why, reference.Syntax);
            }

            if (write.Constructor != null && !WrittenBeforeUse(write, member, reference))
            {
                return Unknown("a member read while its object is being built", reference.Syntax);
            }

            return OfInstance(member, write.Value, write.Constructor, member.IsStatic ? null : instance, reference, env, provenance);
        }

        /// <summary>An expression declared in a member's type, read for the object <paramref name="instance"/> stands for.</summary>
        private Value OfInstance(ISymbol member, ExpressionSyntax expression, IMethodSymbol? constructor, IOperation? instance, IOperation reference, Env env, string provenance)
        {
            if (!active.Add(member))
            {
                return Unknown("a value that refers to itself", reference.Syntax);
            }

            try
            {
                var operation = declarations.OperationOf(expression, reference);
                if (operation == null)
                {
                    return Unknown("a value declared elsewhere", reference.Syntax);
                }

                var creation = instance == null ? null : CreationOf(instance, env);
                Dictionary<IParameterSymbol, IOperation>? arguments = null;
                if (creation != null && constructor != null && SymbolEqualityComparer.Default.Equals(creation.Constructor?.OriginalDefinition, constructor.OriginalDefinition))
                {
                    arguments = new Dictionary<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default);
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Parameter != null && argument.ArgumentKind != ArgumentKind.DefaultValue)
                        {
                            arguments[argument.Parameter.OriginalDefinition] = argument.Value;
                            arguments[argument.Parameter] = argument.Value;
                        }
                    }
                }

                // Inside the member's type, `this` is the object created in reach (or nobody we know).
                var inner = new Env(arguments ?? new Dictionary<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default), env, member.ContainingType.Name, creation);
                return Relocate(Resolve(operation, inner), reference.Syntax, provenance);
            }
            finally
            {
                active.Remove(member);
            }
        }

        /// <summary>
        /// The scalar items of a list declared elsewhere (<c>static readonly string[] AdminActions = { "*" };</c>) are
        /// reported where the construct uses the list, naming the field, as a scalar is.
        /// </summary>
        private static Value RelocateItems(Value value, SyntaxNode use, string provenance)
        {
            if (!(value is ListValue list) || !list.Items.Any(i => i is ScalarValue))
            {
                return value;
            }

            var items = new List<Value>(list.Items.Count);
            foreach (var item in list.Items)
            {
                items.Add(item is ScalarValue ? Relocate(item, use, provenance) : item);
            }

            return new ListValue(items, Locations.FromSyntax(use), IacAnalyzers.Model.Provenance.NamedConstant(provenance));
        }

        /// <summary>
        /// A member written in a constructor is known where it is read after the construction: outside its type's
        /// constructors, or later in the same constructor.
        /// </summary>
        private static bool WrittenBeforeUse(MemberWrite write, ISymbol member, IOperation reference)
        {
            foreach (var node in reference.Syntax.AncestorsAndSelf())
            {
                var inInitializer = node is EqualsValueClauseSyntax && (node.Parent is PropertyDeclarationSyntax || node.Parent?.Parent?.Parent is FieldDeclarationSyntax);
                if (!(node is ConstructorDeclarationSyntax) && !inInitializer)
                {
                    continue;
                }

                var type = node.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
                var ownType = type != null && member.ContainingType.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == type.SyntaxTree && r.Span == type.Span);
                if (!ownType)
                {
                    return true; // another type's constructor or initializer: ours has run
                }

                // Our own initializers run before any constructor body; in a constructor, only after the write in that constructor.
                return node is ConstructorDeclarationSyntax
                    && write.Constructor!.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == node.SyntaxTree && r.Span == node.Span)
                    && write.Value.Span.End <= reference.Syntax.SpanStart;
            }

            return true;
        }

        /// <summary>
        /// The object creation an instance expression stands for: <c>new T(...)</c>, a local written once with one,
        /// a field or property written once with one, or <c>this</c> while another object's member is read. A few hops at most.
        /// </summary>
        private IObjectCreationOperation? CreationOf(IOperation instance, Env env)
        {
            var operation = instance;
            for (var hop = 0; hop < 4; hop++)
            {
                while (operation is IConversionOperation conversion)
                {
                    operation = conversion.Operand;
                }

                switch (operation)
                {
                    case IObjectCreationOperation creation:
                        return creation;
                    case IInstanceReferenceOperation _:
                        return env.Instance;
                    case ILocalReferenceOperation local:
                        var writes = indexes.Of(local).WritesOf(local.Local);
                        if (writes.Count != 1 || writes[0].Opaque || writes[0].Value == null)
                        {
                            return null;
                        }

                        operation = writes[0].Value!;
                        break;
                    case IMemberReferenceOperation member when (member is IFieldReferenceOperation || member is IPropertyReferenceOperation) && !symbols.IsCdkType(member.Member.ContainingType):
                        var write = declarations.SingleWrite(member.Member, out _);
                        var next = write == null ? null : declarations.OperationOf(write.Value, member);
                        if (next == null)
                        {
                            return null;
                        }

                        operation = next;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// <c>cluster.Ref</c>, <c>cluster.AttrEndpointAddress</c>, <c>sg.SecurityGroupId</c>: a token, unknown, but a
        /// reference to the construct (by its id, when the construct is created in reach) that rules can follow through
        /// the resource context. <c>Ref</c> is a <c>Ref</c>; <c>AttrX</c> is <c>Fn::GetAtt X</c>; any other member is named as is.
        /// </summary>
        private Value ConstructAttribute(IOperation instance, string member, SyntaxNode syntax, Env env)
        {
            var target = Resolve(instance, env);
            var id = CdkValues.ConstructId(target);
            var location = Locations.FromSyntax(syntax);
            if (id == null)
            {
                return new UnknownValue("a CDK token", location);
            }

            string? attribute = member == "Ref" ? null : member.StartsWith("Attr", StringComparison.Ordinal) && member.Length > 4 ? member.Substring(4) : member;
            return new UnknownValue("a CDK token", location, null, id, attribute);
        }

        private Value ResolveInvocation(IInvocationOperation invocation, Env env)
        {
            var method = invocation.TargetMethod;
            if (method.IsStatic && symbols.IsCdkType(method.ContainingType))
            {
                return StaticMember(method.ContainingType, method.Name, invocation.Arguments, invocation.Syntax, env, method.ReturnType);
            }

            if ((method.Name == "ToArray" || method.Name == "ToList") && method.Parameters.Length == (method.IsExtensionMethod || method.IsStatic ? 1 : 0))
            {
                // new List<string> { "*" }.ToArray(), array.ToList(): the same items.
                var source = method.IsStatic ? (invocation.Arguments.Length == 1 ? invocation.Arguments[0].Value : null) : invocation.Instance;
                var items = source != null ? Resolve(source, env) : null;
                if (items is ListValue || (items is OneOfValue oneOf && oneOf.Branches.All(b => b.Value is ListValue)))
                {
                    // (A one-of of lists: a list completed under an `if`, or `(c ? a : b).ToArray()`.)
                    return items;
                }
            }

            var body = declarations.HelperReturn(method);
            if (body == null)
            {
                return Unknown("a method result", invocation.Syntax);
            }

            if (!active.Add(method.OriginalDefinition))
            {
                return Unknown("a recursive method", invocation.Syntax);
            }

            try
            {
                var operation = declarations.OperationOf(body, invocation);
                if (operation == null)
                {
                    return Unknown("a method result", invocation.Syntax);
                }

                var arguments = new Dictionary<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default);
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter != null)
                    {
                        arguments[argument.Parameter.OriginalDefinition] = argument.Value;
                        arguments[argument.Parameter] = argument.Value;
                    }
                }

                var value = Resolve(operation, new Env(arguments, env, method.Name));
                return Relocate(value, invocation.Syntax, "the result of `" + method.Name + "`");
            }
            finally
            {
                active.Remove(method.OriginalDefinition);
            }
        }

        private Value FromDeclaration(ISymbol symbol, ExpressionSyntax expression, IOperation reference, Env env, string provenance)
        {
            if (!active.Add(symbol))
            {
                return Unknown("a value that refers to itself", reference.Syntax);
            }

            try
            {
                var operation = declarations.OperationOf(expression, reference);
                if (operation == null)
                {
                    return Unknown("a value declared elsewhere", reference.Syntax);
                }

                return RelocateItems(Relocate(Resolve(operation, Env.Empty), reference.Syntax, provenance), reference.Syntax, provenance);
            }
            finally
            {
                active.Remove(symbol);
            }
        }
    }
}
