using System;
using System.Collections.Generic;
using System.Linq;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IacAnalyzers.Cdk
{
    /// <summary>Objects and collections: CDK props and classes, constructs as identities, dictionaries, lists, arrays, anonymous objects and static CDK members.</summary>
    public sealed partial class ValueResolver
    {
        // ---- objects and collections --------------------------------------------------------------------

        private Value ResolveCreation(IObjectCreationOperation creation, Env env)
        {
            var type = creation.Type;
            var location = Locations.FromSyntax(creation.Syntax);
            if (type == null || type.TypeKind == TypeKind.Error)
            {
                return Unknown("an object of an unknown type", creation.Syntax);
            }

            if (symbols.IsConstruct(type))
            {
                var entries = new List<MapEntry>(3)
                {
                    Synthetic(CdkValues.TypeKey, type.Name, location),
                    Synthetic(CdkValues.MemberKey, CdkValues.NewMember, location),
                };
                var idArgument = creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1);
                if (idArgument != null && ResolveString(idArgument.Value) is string id)
                {
                    entries.Add(Synthetic(CdkValues.IdKey, id, Locations.FromSyntax(idArgument.Syntax)));
                }

                return new MapValue(entries, location);
            }

            if (symbols.IsDictionary(type))
            {
                return creation.Arguments.Length > 0 && !AllDefault(creation.Arguments)
                    ? Unknown("a dictionary copied from another value", creation.Syntax)
                    : ResolveDictionary(creation.Initializer, location, creation.Syntax, env);
            }

            if (symbols.IsCollection(type))
            {
                return creation.Arguments.Length > 0 && !AllDefault(creation.Arguments) && !IsCapacityOnly(creation)
                    ? Unknown("a collection copied from another value", creation.Syntax)
                    : ResolveCollection(creation.Initializer, location, creation.Syntax, env);
            }

            if (!symbols.IsCdkType(type))
            {
                return type.IsRecord ? ResolveRecord(creation, env) : Unknown("an object of a user-defined type", creation.Syntax);
            }

            // Sized for what it will hold (two synthesized entries, the arguments, the initializer's members): a list
            // grown by doubling leaves its smaller arrays behind, for every props object of every construct.
            var members = new List<MapEntry>(2 + creation.Arguments.Length + (creation.Initializer?.Initializers.Length ?? 0));
            if (!symbols.IsDataType(type))
            {
                // A CDK class with behaviour (PolicyStatement, PolicyDocument, ...): its type and constructor arguments.
                members.Add(Synthetic(CdkValues.TypeKey, type.Name, location));
                members.Add(Synthetic(CdkValues.MemberKey, CdkValues.NewMember, location));
                AddArguments(creation.Arguments, members, env);
            }
            else if (creation.Arguments.Length > 0 && !AllDefault(creation.Arguments))
            {
                return Unknown("a data object built by a constructor", creation.Syntax);
            }

            if (creation.Initializer != null && !AddMembers(creation.Initializer, members, env))
            {
                return Unknown("an initializer we cannot read", creation.Syntax);
            }

            return new MapValue(members, location);
        }

        /// <summary>
        /// A record of the user's (<c>new DbSettings(true) { Engine = "postgres" }</c>): its positional arguments (the
        /// primary constructor's parameters are its properties; defaults included) and its initializer, by name. A
        /// record built by a constructor of its own is unknown. Read back through <see cref="RecordMember"/>.
        /// </summary>
        private Value ResolveRecord(IObjectCreationOperation creation, Env env)
        {
            var members = new List<MapEntry>();
            if (creation.Arguments.Length > 0)
            {
                var constructor = creation.Constructor;
                if (constructor == null || !IsPrimaryConstructor(constructor))
                {
                    return Unknown("a record built by its own constructor", creation.Syntax);
                }

                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter == null || argument.ArgumentKind == ArgumentKind.ParamArray)
                    {
                        return Unknown("a record with arguments we cannot read", creation.Syntax);
                    }

                    var at = argument.ArgumentKind == ArgumentKind.DefaultValue ? creation.Syntax : argument.Syntax;
                    members.Add(new MapEntry(argument.Parameter.Name, Locations.FromSyntax(at), Resolve(argument.Value, env)));
                }
            }

            return creation.Initializer == null || WithMembers(creation.Initializer, members, env)
                ? new MapValue(members, Locations.FromSyntax(creation.Syntax))
                : Unknown("an initializer we cannot read", creation.Syntax);
        }

        /// <summary>
        /// <c>settings with { MultiAz = false }</c> (a record, or an anonymous object): the copy, with the members written
        /// in the braces replaced. Applies to what we can read of the original; anything else is unknown.
        /// </summary>
        private Value ResolveWith(IWithOperation with, Env env)
        {
            if (symbols.IsCdkType(with.Type) || !(Resolve(with.Operand, env) is MapValue original) || CdkValues.ConstructId(original) != null)
            {
                return Unknown("a copy of an object we cannot read", with.Syntax);
            }

            var members = new List<MapEntry>(original.Entries);
            return WithMembers(with.Initializer, members, env)
                ? new MapValue(members, Locations.FromSyntax(with.Syntax), original.Provenance)
                : Unknown("a copy with members we cannot read", with.Syntax);
        }

        /// <summary>Members assigned in a record's (or a <c>with</c>'s) braces replace those of the same name; null stays a value.</summary>
        private bool WithMembers(IObjectOrCollectionInitializerOperation initializer, List<MapEntry> members, Env env)
        {
            foreach (var init in initializer.Initializers)
            {
                if (!(init is ISimpleAssignmentOperation assignment) || !(MemberName(assignment.Target) is string name))
                {
                    return false;
                }

                members.RemoveAll(e => string.Equals(e.Key, name, StringComparison.Ordinal));
                members.Add(new MapEntry(name, Locations.FromSyntax(assignment.Target.Syntax), Resolve(assignment.Value, env)));
            }

            return true;
        }

        private bool IsPrimaryConstructor(IMethodSymbol constructor)
        {
            if (constructor.DeclaringSyntaxReferences.Length != 1 || !(constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax))
            {
                return false;
            }

            // Each parameter must be the record's own positional property (not one the record redeclares).
            foreach (var parameter in constructor.Parameters)
            {
                var property = constructor.ContainingType.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault();
                if (property == null || property.DeclaringSyntaxReferences.Length != 1
                    || !(property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// <c>settings.MultiAz</c> on a record or anonymous object we can read: the member as written, else the
        /// property's initializer, else its type's default (false, null). Null when the object or member is not readable.
        /// </summary>
        private Value? RecordMember(IPropertyReferenceOperation reference, Env env, string provenance)
        {
            var property = reference.Property;
            var type = property.ContainingType;
            if (property.IsStatic || reference.Instance == null || !(type.IsRecord || type.IsAnonymousType) || symbols.IsCdkType(type)
                || property.IsIndexer || property.IsVirtual || property.IsAbstract || property.IsOverride
                || !(Resolve(reference.Instance, env) is MapValue map) || CdkValues.ConstructId(map) != null)
            {
                return null;
            }

            var syntax = property.DeclaringSyntaxReferences.Length == 1 ? property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) : null;
            var declared = syntax as Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax;
            var auto = type.IsAnonymousType || syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax
                       || (declared != null && declared.ExpressionBody == null && declared.AccessorList != null
                           && declared.AccessorList.Accessors.All(a => a.Body == null && a.ExpressionBody == null));
            if (!auto)
            {
                return null;
            }

            var entry = map.Entries.LastOrDefault(e => string.Equals(e.Key, property.Name, StringComparison.Ordinal));
            if (entry != null)
            {
                return Relocate(entry.Value, reference.Syntax, provenance);
            }

            if (declared?.Initializer != null)
            {
                return FromDeclaration(property, declared.Initializer.Value, reference, env, provenance);
            }

            var at = Locations.FromSyntax(reference.Syntax);
            var named = IacAnalyzers.Model.Provenance.NamedConstant(provenance);
            if (property.Type.SpecialType == SpecialType.System_Boolean)
            {
                return new ScalarValue("false", ScalarKind.Boolean, at, named);
            }

            return property.Type.IsReferenceType || property.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                ? new ScalarValue("null", ScalarKind.Null, at, named)
                : Unknown("a member left at its default", reference.Syntax);
        }

        /// <summary>
        /// The properties set in an object initializer on a construct itself (<c>new CfnDBInstance(this, "Db") { MultiAz = true }</c>,
        /// the form the C# fix writes for an L1 construct created without props): entries by C# name, in written order
        /// (an L1 construct's properties carry the same names as its props). Null when a member cannot be read.
        /// </summary>
        public IReadOnlyList<MapEntry>? ConstructInitializerWrites(IObjectCreationOperation creation)
        {
            if (creation.Initializer == null)
            {
                return Array.Empty<MapEntry>();
            }

            var members = new List<MapEntry>(creation.Initializer.Initializers.Length);
            return AddMembers(creation.Initializer, members, Env.Empty) ? members : null;
        }

        private static bool AllDefault(IEnumerable<IArgumentOperation> arguments) => arguments.All(a => a.ArgumentKind == ArgumentKind.DefaultValue);

        private static bool IsCapacityOnly(IObjectCreationOperation creation)
            => creation.Arguments.Length == 1 && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_Int32;

        private bool AddMembers(IObjectOrCollectionInitializerOperation initializer, List<MapEntry> members, Env env)
        {
            foreach (var init in initializer.Initializers)
            {
                switch (init)
                {
                    case ISimpleAssignmentOperation assignment when MemberName(assignment.Target) is string name:
                        var value = Resolve(assignment.Value, env);
                        if (!IsNull(value))
                        {
                            // `Encrypted = null` (or a null bool?) is not set: jsii omits it, so the default applies.
                            members.Add(new MapEntry(name, Locations.FromSyntax(assignment.Target.Syntax), value));
                        }

                        break;
                    case IMemberInitializerOperation nested when MemberName(nested.InitializedMember) is string nestedName:
                        var nestedType = nested.InitializedMember.Type;
                        var nestedLocation = Locations.FromSyntax(nested.Syntax);
                        Value nestedValue = symbols.IsDictionary(nestedType)
                            ? ResolveDictionary(nested.Initializer, nestedLocation, nested.Syntax, env)
                            : symbols.IsCollection(nestedType)
                                ? ResolveCollection(nested.Initializer, nestedLocation, nested.Syntax, env)
                                : Unknown("a member initialized in place", nested.Syntax);
                        members.Add(new MapEntry(nestedName, Locations.FromSyntax(nested.InitializedMember.Syntax), nestedValue));
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        private static bool IsNull(Value value) => value is ScalarValue s && s.Kind == ScalarKind.Null;

        private static string? MemberName(IOperation target)
        {
            switch (target)
            {
                case IPropertyReferenceOperation p when !p.Property.IsIndexer:
                    return p.Property.Name;
                case IFieldReferenceOperation f:
                    return f.Field.Name;
                default:
                    return null;
            }
        }

        private Value ResolveDictionary(IObjectOrCollectionInitializerOperation? initializer, SourceLocation location, SyntaxNode syntax, Env env)
        {
            var entries = new List<MapEntry>();
            if (initializer == null)
            {
                return new MapValue(entries, location);
            }

            foreach (var init in initializer.Initializers)
            {
                IOperation? keyOp = null;
                IOperation? valueOp = null;
                switch (init)
                {
                    case ISimpleAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation indexer && indexer.Property.IsIndexer && indexer.Arguments.Length == 1:
                        keyOp = indexer.Arguments[0].Value;
                        valueOp = assignment.Value;
                        break;
                    case IInvocationOperation add when add.TargetMethod.Name == "Add" && add.Arguments.Length == 2:
                        keyOp = add.Arguments[0].Value;
                        valueOp = add.Arguments[1].Value;
                        break;
                }

                if (keyOp == null || valueOp == null || !(Resolve(keyOp, env) is ScalarValue key) || key.Kind == ScalarKind.Null)
                {
                    return Unknown("a dictionary with a key we cannot read", syntax);
                }

                entries.Add(new MapEntry(key.Text, Locations.FromSyntax(keyOp.Syntax), Resolve(valueOp, env)));
            }

            return new MapValue(entries, location);
        }

        private Value ResolveCollection(IObjectOrCollectionInitializerOperation? initializer, SourceLocation location, SyntaxNode syntax, Env env)
        {
            var items = new List<Value>();
            if (initializer == null)
            {
                return new ListValue(items, location);
            }

            foreach (var init in initializer.Initializers)
            {
                if (init is IInvocationOperation add && add.TargetMethod.Name == "Add" && add.Arguments.Length == 1)
                {
                    items.Add(Resolve(add.Arguments[0].Value, env));
                }
                else
                {
                    return Unknown("a collection we cannot read", syntax);
                }
            }

            return new ListValue(items, location);
        }

        private Value ResolveAnonymous(IAnonymousObjectCreationOperation anonymous, Env env)
        {
            var members = new List<MapEntry>();
            foreach (var init in anonymous.Initializers)
            {
                if (init is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation p)
                {
                    members.Add(new MapEntry(p.Property.Name, Locations.FromSyntax(assignment.Syntax), Resolve(assignment.Value, env)));
                }
                else
                {
                    return Unknown("an anonymous object we cannot read", anonymous.Syntax);
                }
            }

            return new MapValue(members, Locations.FromSyntax(anonymous.Syntax));
        }

        private Value ResolveArray(IArrayCreationOperation array, Env env)
        {
            if (array.Initializer == null)
            {
                return Unknown("an array without elements written", array.Syntax);
            }

            var items = new List<Value>(array.Initializer.ElementValues.Length);
            foreach (var element in array.Initializer.ElementValues)
            {
                items.Add(Resolve(element, env));
            }

            return new ListValue(items, Locations.FromSyntax(array.Syntax));
        }

        private Value ResolveCollectionExpression(IOperation collection, Env env)
        {
            if (symbols.IsDictionary(collection.Type))
            {
                return Unknown("a dictionary collection expression", collection.Syntax);
            }

            var items = new List<Value>();
            foreach (var element in collection.ChildOperations)
            {
                if (SpreadKind.HasValue && element.Kind == SpreadKind.Value)
                {
                    return Unknown("a collection with a spread element", collection.Syntax);
                }

                items.Add(Resolve(element, env));
            }

            return new ListValue(items, Locations.FromSyntax(collection.Syntax));
        }

        private void AddArguments(IEnumerable<IArgumentOperation> arguments, List<MapEntry> entries, Env env)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter == null || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation paramArray)
                {
                    entries.Add(new MapEntry(argument.Parameter.Name, Locations.FromSyntax(argument.Syntax), ResolveArray(paramArray, env)));
                    continue;
                }

                entries.Add(new MapEntry(argument.Parameter.Name, Locations.FromSyntax(argument.Syntax), Resolve(argument.Value, env)));
            }
        }

        private static MapEntry Synthetic(string key, string value, SourceLocation location)
            => new MapEntry(key, location, new ScalarValue(value, ScalarKind.String, location));

        private Value StaticMember(INamedTypeSymbol type, string member, IEnumerable<IArgumentOperation> arguments, SyntaxNode syntax, Env env, ITypeSymbol? resultType)
        {
            if (symbols.IsToken(resultType) && !(member == "FromJson" && type.Name == "PolicyDocument"))
            {
                // (PolicyDocument is IResolvable, but PolicyDocument.FromJson(obj) is the document written as obj.)
                // Fn.Join(...), Aws.REGION, Token.AsString(...), Fn.ConditionIf(...): resolved at deploy time.
                return Unknown("a CDK token", syntax);
            }

            // One location for the map and its two synthesized entries: they all stand for the same span (locations are
            // immutable values; the C# front-end makes one for every value it reads).
            var location = Locations.FromSyntax(syntax);
            var entries = new List<MapEntry>(2 + (arguments is IReadOnlyCollection<IArgumentOperation> all ? all.Count : 2))
            {
                Synthetic(CdkValues.TypeKey, type.Name, location),
                Synthetic(CdkValues.MemberKey, member, location),
            };
            AddArguments(arguments, entries, env);
            return new MapValue(entries, location);
        }
    }
}
