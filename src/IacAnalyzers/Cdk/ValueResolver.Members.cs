using System;
using System.Collections.Generic;
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

            if (!field.IsStatic || !field.IsReadOnly)
            {
                return Unknown(field.IsStatic ? "a mutable static field" : "an instance field", reference.Syntax);
            }

            var initializer = declarations.DeclaredInitializer(field);
            if (initializer == null)
            {
                return Unknown("a field without an initializer", reference.Syntax);
            }

            return FromDeclaration(field, initializer, reference, env, "the field `" + field.ContainingType.Name + "." + field.Name + "`");
        }

        private Value ResolveProperty(IPropertyReferenceOperation reference, Env env)
        {
            var property = reference.Property;
            if (property.IsStatic && symbols.IsCdkType(property.ContainingType))
            {
                return StaticMember(property.ContainingType, property.Name, Array.Empty<IArgumentOperation>(), reference.Syntax, env, property.Type);
            }

            if (property.IsStatic && property.SetMethod == null && !property.IsIndexer && !property.IsVirtual && !property.IsAbstract)
            {
                // static T X { get; } = value;   static T X => value;
                var expression = declarations.DeclaredGetterExpression(property);
                if (expression != null)
                {
                    return FromDeclaration(property, expression, reference, env, "the property `" + property.ContainingType.Name + "." + property.Name + "`");
                }
            }

            if (!property.IsStatic && reference.Instance != null && symbols.IsConstruct(reference.Instance.Type))
            {
                return ConstructAttribute(reference.Instance, property.Name, reference.Syntax, env);
            }

            return Unknown(symbols.IsCdkType(property.ContainingType) ? "a CDK token" : "a property", reference.Syntax);
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

                return Relocate(Resolve(operation, Env.Empty), reference.Syntax, provenance);
            }
            finally
            {
                active.Remove(symbol);
            }
        }
    }
}
