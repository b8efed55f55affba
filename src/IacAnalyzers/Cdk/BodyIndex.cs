using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.Cdk
{
    /// <summary>
    /// Every write to a local of one method body (or lambda, or top-level program), found in one walk and cached for
    /// the body's operation tree. The resolver uses it to read a local the way a reader does: the last write before the
    /// use, member writes (<c>props.MultiAz = true;</c>) applied in order, and "unknown" as soon as a write is
    /// conditional, opaque (<c>ref</c>, <c>out</c>, <c>+=</c>) or the object escapes into another call.
    /// Flow-insensitive but ordered by position; writes under an <c>if</c>, a loop, a <c>switch</c> or in a lambda
    /// are conditional unless the use is inside the same block.
    /// </summary>
    internal sealed class BodyIndex
    {

        private readonly Dictionary<ILocalSymbol, List<Write>> writes = new Dictionary<ILocalSymbol, List<Write>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, List<MemberWrite>> memberWrites = new Dictionary<ILocalSymbol, List<MemberWrite>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, List<int>> escapes = new Dictionary<ILocalSymbol, List<int>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, List<IInvocationOperation>> calls = new Dictionary<ILocalSymbol, List<IInvocationOperation>>(SymbolEqualityComparer.Default);
        private readonly HashSet<IParameterSymbol> writtenParameters = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, List<IOperation>> hatches = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        private readonly List<IOperation> creationsAndCalls = new List<IOperation>();

        private readonly TypeFacts? facts;

        internal BodyIndex(IOperation root, TypeFacts? facts = null)
        {
            Root = root;
            this.facts = facts;
            // Dispatch on the kind (one field read), not on the interfaces (a cast test each): most operations are none of these.
            var walk = new OperationWalk(root);
            while (walk.MoveNext())
            {
                var op = walk.Current;
                switch (walk.CurrentKind)
                {
                    case OperationKind.VariableDeclarator:
                        var declarator = (IVariableDeclaratorOperation)op;
                        if (declarator.Initializer != null)
                        {
                            Add(writes, declarator.Symbol, new Write(declarator, declarator.Initializer.Value, opaque: false));
                        }

                        break;
                    case OperationKind.LocalReference:
                        Classify((ILocalReferenceOperation)op);
                        break;
                    case OperationKind.ParameterReference:
                        if (IsWriteTarget(op))
                        {
                            writtenParameters.Add(((IParameterReferenceOperation)op).Parameter);
                        }

                        break;
                    case OperationKind.ObjectCreation:
                    case OperationKind.Invocation:
                        creationsAndCalls.Add(op);
                        break;
                }
            }
        }

        /// <summary>
        /// Every object creation and call of the tree, in walk order: what the analysis builds views from, collected in
        /// the same walk so a body is walked once.
        /// </summary>
        public IReadOnlyList<IOperation> CreationsAndCalls => creationsAndCalls;

        /// <summary>True when the body assigns the parameter (its value at a use is then not the caller's argument).</summary>
        public bool IsWritten(IParameterSymbol parameter) => writtenParameters.Contains(parameter);

        private static bool IsWriteTarget(IOperation reference)
        {
            var p = reference;
            while (p.Parent is ITupleOperation || p.Parent is IDeclarationExpressionOperation)
            {
                p = p.Parent;
            }

            switch (p.Parent)
            {
                case IAssignmentOperation assignment:
                    return ReferenceEquals(assignment.Target, p);
                case IIncrementOrDecrementOperation _:
                    return true;
                case IArgumentOperation argument:
                    return argument.Parameter != null && argument.Parameter.RefKind != RefKind.None && argument.Parameter.RefKind != RefKind.In;
                default:
                    return false;
            }
        }

        public IOperation Root { get; }

        public IReadOnlyList<Write> WritesOf(ILocalSymbol local) => writes.TryGetValue(local, out var list) ? list : (IReadOnlyList<Write>)Array.Empty<Write>();

        public IReadOnlyList<MemberWrite> MemberWritesOf(ILocalSymbol local) => memberWrites.TryGetValue(local, out var list) ? list : (IReadOnlyList<MemberWrite>)Array.Empty<MemberWrite>();

        public IReadOnlyList<int> EscapesOf(ILocalSymbol local) => escapes.TryGetValue(local, out var list) ? list : (IReadOnlyList<int>)Array.Empty<int>();

        /// <summary>
        /// True when the construct in the local is changed behind its props: an escape hatch
        /// (<c>db.Node.DefaultChild</c>, <c>db.Node.FindChild(...)</c>) or a raw override (<c>AddPropertyOverride</c>,
        /// <c>AddOverride</c>). Its synthesized properties can then be anything.
        /// </summary>
        public bool IsOverridden(ILocalSymbol local) => hatches.ContainsKey(local);

        /// <summary>
        /// Where the construct in the local is changed behind its props, in source order: the <c>local.Node.DefaultChild</c>
        /// reference, the <c>local.Node.FindChild(...)</c> call, or the override call on the local itself. <see cref="EscapeHatches"/>
        /// judges what each writes.
        /// </summary>
        public IReadOnlyList<IOperation> HatchesOf(ILocalSymbol local)
            => hatches.TryGetValue(local, out var list) ? list : (IReadOnlyList<IOperation>)Array.Empty<IOperation>();

        /// <summary>Instance method calls on the local (<c>statement.AddActions(...)</c>), in source order.</summary>
        public IReadOnlyList<IInvocationOperation> CallsOn(ILocalSymbol local)
            => calls.TryGetValue(local, out var list) ? list : (IReadOnlyList<IInvocationOperation>)Array.Empty<IInvocationOperation>();

        /// <summary>
        /// True when <paramref name="write"/> certainly happens before a use at <paramref name="use"/> on every path:
        /// it is a plain statement of a block that also contains the use.
        /// </summary>
        public static bool Dominates(IOperation write, IOperation use)
        {
            var block = HomeBlock(write);
            if (block == null)
            {
                return false;
            }

            var span = block.Syntax.Span;
            if (!span.Contains(use.Syntax.SpanStart) || !ReferenceEquals(block.Syntax.SyntaxTree, use.Syntax.SyntaxTree))
            {
                return false;
            }

            // The block must be an ancestor of the use in the same operation tree (not only textually around it).
            for (var p = use.Parent; p != null; p = p.Parent)
            {
                if (ReferenceEquals(p, block))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when a write placed after the use can still reach it through a loop around both.</summary>
        public static bool InSameLoop(IOperation write, IOperation use)
        {
            for (var p = use.Parent; p != null; p = p.Parent)
            {
                if (p is ILoopOperation && p.Syntax.Span.Contains(write.Syntax.Span))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The block whose statement the write is, or null when a branch, loop or lambda lies in between.</summary>
        private static IBlockOperation? HomeBlock(IOperation write)
        {
            for (var p = write.Parent; p != null; p = p.Parent)
            {
                switch (p)
                {
                    case IBlockOperation block:
                        return block;
                    case IExpressionStatementOperation _:
                    case IVariableDeclarationGroupOperation _:
                    case IVariableDeclarationOperation _:
                    case IVariableDeclaratorOperation _:
                    case IVariableInitializerOperation _:
                    case ISimpleAssignmentOperation _:
                    case IConversionOperation _:
                    case ILabeledOperation _:
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        private void Classify(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            var parent = reference.Parent;
            // Dispatch on the parent's kind (one read), not on its interfaces (a cast test per case): this runs for every
            // local reference of every body that creates a construct. A case that does not apply falls to the alias test.
            switch (parent?.Kind)
            {
                case OperationKind.SimpleAssignment:
                    var assignment = (ISimpleAssignmentOperation)parent!;
                    if (ReferenceEquals(assignment.Target, reference))
                    {
                        Add(writes, local, new Write(assignment, assignment.IsRef ? null : assignment.Value, opaque: assignment.IsRef));
                        return;
                    }

                    break;
                case OperationKind.CoalesceAssignment:
                    var coalesce = (ICoalesceAssignmentOperation)parent!;
                    // `x ??= false;` writes only when x is null: the resolver applies it to the value before.
                    Add(writes, local, ReferenceEquals(coalesce.Target, reference) ? new Write(coalesce, coalesce.Value, opaque: false, ifUnset: true) : new Write(parent!, null, opaque: true));
                    return;
                case OperationKind.DeclarationExpression when !(parent!.Parent is ITupleOperation):
                case OperationKind.Increment:
                case OperationKind.Decrement:
                    Add(writes, local, new Write(parent!, null, opaque: true));
                    return;
                case OperationKind.Tuple:
                case OperationKind.DeclarationExpression:
                    // `var (a, b) = (true, "x");`, `(a, b) = (b, a);`: the matching element of a tuple written in place.
                    var (deconstruction, element) = Deconstructed(reference);
                    if (deconstruction != null)
                    {
                        Add(writes, local, new Write(deconstruction, element, opaque: element == null));
                    }
                    else if (IsTupleTarget(parent!))
                    {
                        Add(writes, local, new Write(parent!, null, opaque: true));
                    }
                    else if (local.Type?.IsReferenceType == true)
                    {
                        // Read into a tuple: a second name for the object.
                        Add(escapes, local, reference.Syntax.SpanStart);
                    }

                    return;
                case OperationKind.CompoundAssignment:
                    if (ReferenceEquals(((ICompoundAssignmentOperation)parent!).Target, reference))
                    {
                        Add(writes, local, new Write(parent!, null, opaque: true));
                        return;
                    }

                    break;
                case OperationKind.Argument:
                    var argument = (IArgumentOperation)parent!;
                    if (argument.Parameter != null && argument.Parameter.RefKind != RefKind.None && argument.Parameter.RefKind != RefKind.In)
                    {
                        Add(writes, local, new Write(argument, null, opaque: true));
                    }
                    else if (IsByValueIntoJsii(local, argument))
                    {
                        // A CDK props struct handed to a CDK constructor or method is marshalled by value to the jsii
                        // runtime: the callee cannot change this object, so reading it afterwards is safe.
                    }
                    else
                    {
                        Add(escapes, local, reference.Syntax.SpanStart);
                    }

                    return;
                case OperationKind.Invocation:
                    var invocation = (IInvocationOperation)parent!;
                    if (ReferenceEquals(invocation.Instance, reference))
                    {
                        Add(calls, local, invocation);
                        var name = invocation.TargetMethod.Name;
                        if (name == "AddPropertyOverride" || name == "AddOverride" || name == "AddPropertyDeletionOverride" || name == "AddDeletionOverride")
                        {
                            Add(hatches, local, invocation);
                        }

                        return;
                    }

                    break;
                case OperationKind.PropertyReference:
                case OperationKind.FieldReference:
                    ClassifyMemberAccess(local, reference);
                    return;
            }

            // An alias: the object now has a second name that may be mutated (var alias = props; x.P = props).
            var p = parent;
            while (p is IConversionOperation)
            {
                p = p.Parent;
            }

            if (p is IArgumentOperation converted)
            {
                if (!IsByValueIntoJsii(local, converted))
                {
                    Add(escapes, local, reference.Syntax.SpanStart);
                }
            }
            else if ((p is ISimpleAssignmentOperation a && !ReferenceEquals(a.Target, reference)) || p is IVariableInitializerOperation
                     || p is IReturnOperation || p is IArrayInitializerOperation || p is IMemberInitializerOperation)
            {
                if (local.Type?.IsReferenceType == true)
                {
                    Add(escapes, local, reference.Syntax.SpanStart);
                }
            }
        }

        /// <summary>
        /// True when <paramref name="local"/> holds a jsii struct (<c>[JsiiByValue]</c>, e.g. <c>DatabaseInstanceProps</c>)
        /// and <paramref name="argument"/> passes it to a member declared by a jsii type (<c>new DatabaseInstance(this, "Db",
        /// props)</c>): jsii serializes such structs by value, so the callee sees a copy.
        /// </summary>
        private bool IsByValueIntoJsii(ILocalSymbol local, IArgumentOperation argument)
        {
            var callee = argument.Parameter?.ContainingSymbol as IMethodSymbol;
            return callee != null && local.Type != null && (Jsii(local.Type) & JsiiMarks.ByValue) != 0
                   && (Jsii(callee.ContainingType) & (JsiiMarks.Class | JsiiMarks.Interface)) != 0;
        }

        private JsiiMarks Jsii(ITypeSymbol type) => facts != null ? facts.Jsii(type) : TypeFacts.JsiiMarksOf(type);

        /// <summary>
        /// The deconstruction a local is a target of (<c>var (a, b) = ...</c>, <c>(a, var b) = ...</c>; one level of
        /// tuple), and the element of the value written to it when the value is a tuple written in place (else null).
        /// </summary>
        private static (IDeconstructionAssignmentOperation? Deconstruction, IOperation? Element) Deconstructed(ILocalReferenceOperation reference)
        {
            IOperation slot = reference.Parent is IDeclarationExpressionOperation declared && declared.Parent is ITupleOperation ? declared : reference;
            if (!(slot.Parent is ITupleOperation tuple))
            {
                return (null, null);
            }

            var top = tuple.Parent is IDeclarationExpressionOperation whole ? (IOperation)whole : tuple;
            if (!(top.Parent is IDeconstructionAssignmentOperation deconstruction) || !ReferenceEquals(deconstruction.Target, top))
            {
                return (null, null);
            }

            var index = tuple.Elements.IndexOf(slot);
            var value = deconstruction.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value is ITupleOperation written && index >= 0 && written.Elements.Length == tuple.Elements.Length
                ? (deconstruction, written.Elements[index])
                : (deconstruction, (IOperation?)null);
        }

        /// <summary>True when a tuple (or the declaration around it) is written to: any assignment's or foreach's target.</summary>
        private static bool IsTupleTarget(IOperation tuple)
        {
            var p = tuple;
            while (p.Parent is ITupleOperation || p.Parent is IDeclarationExpressionOperation)
            {
                p = p.Parent;
            }

            return (p.Parent is IAssignmentOperation assignment && ReferenceEquals(assignment.Target, p)) || p.Parent is IForEachLoopOperation || p.Parent is IArgumentOperation;
        }

        /// <summary><c>local.A.B = value</c> (a member write with a path), or a mutation of a member (<c>local.A.Add(x)</c>).</summary>
        private void ClassifyMemberAccess(ILocalSymbol local, ILocalReferenceOperation reference)
        {
            var path = new List<string>(2);
            IOperation top = reference;
            while (true)
            {
                var parent = top.Parent;
                if (parent is IPropertyReferenceOperation property && ReferenceEquals(property.Instance, top) && !property.Property.IsIndexer)
                {
                    path.Add(property.Property.Name);
                    top = parent;
                }
                else if (parent is IFieldReferenceOperation field && ReferenceEquals(field.Instance, top))
                {
                    path.Add(field.Field.Name);
                    top = parent;
                }
                else
                {
                    break;
                }
            }

            if (path.Count == 0)
            {
                return;
            }

            if (path[0] == "Node" && ((path.Count >= 2 && path[1] == "DefaultChild")
                                      || (top.Parent is IInvocationOperation find && ReferenceEquals(find.Instance, top)
                                          && (find.TargetMethod.Name == "FindChild" || find.TargetMethod.Name == "TryFindChild" || find.TargetMethod.Name == "FindAll"))))
            {
                // The DefaultChild reference itself (what the code casts and writes through), or the FindChild call.
                Add(hatches, local, path.Count >= 2 && path[1] == "DefaultChild" ? reference.Parent!.Parent! : top.Parent!);
                return;
            }

            switch (top.Parent)
            {
                case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Target, top):
                    Add(memberWrites, local, new MemberWrite(assignment, path.ToArray(), top, assignment.Value));
                    break;
                case ICompoundAssignmentOperation compound when ReferenceEquals(compound.Target, top):
                    Add(memberWrites, local, new MemberWrite(compound, path.ToArray(), top, null));
                    break;
                case ICoalesceAssignmentOperation coalesce when ReferenceEquals(coalesce.Target, top):
                    // `props.Encrypted ??= false;`: written only when the member is not set.
                    Add(memberWrites, local, new MemberWrite(coalesce, path.ToArray(), top, coalesce.Value, ifUnset: true));
                    break;
                case IIncrementOrDecrementOperation increment:
                    Add(memberWrites, local, new MemberWrite(increment, path.ToArray(), top, null));
                    break;
                case IInvocationOperation invocation when ReferenceEquals(invocation.Instance, top):
                    // props.Tags.Add(...): the member changes in a way we do not follow.
                    Add(memberWrites, local, new MemberWrite(invocation, path.ToArray(), top, null));
                    break;
                case IPropertyReferenceOperation indexer when indexer.Property.IsIndexer && ReferenceEquals(indexer.Instance, top)
                                                              && indexer.Parent is ISimpleAssignmentOperation ia && ReferenceEquals(ia.Target, indexer):
                    Add(memberWrites, local, new MemberWrite(ia, path.ToArray(), top, null));
                    break;
            }
        }

        private static void Add<T>(Dictionary<ILocalSymbol, List<T>> map, ILocalSymbol local, T item)
        {
            if (!map.TryGetValue(local, out var list))
            {
                list = new List<T>(2);
                map.Add(local, list);
            }

            list.Add(item);
        }

        /// <summary>A write of a whole value to a local (declaration initializer or assignment), or an opaque write.</summary>
        public sealed class Write
        {
            public Write(IOperation node, IOperation? value, bool opaque, bool ifUnset = false)
            {
                Node = node;
                Value = value;
                Opaque = opaque;
                IfUnset = ifUnset;
            }

            /// <summary><c>x ??= value</c>: takes effect only when the local is null at that point.</summary>
            public bool IfUnset { get; }

            /// <summary>The declarator or assignment.</summary>
            public IOperation Node { get; }

            /// <summary>The assigned value; null for an opaque write.</summary>
            public IOperation? Value { get; }

            public bool Opaque { get; }

            /// <summary>The write takes effect at the end of its syntax.</summary>
            public int End => span.Of(Node.Syntax).End;

            public int Start => span.Of(Node.Syntax).Start;

            // Read for every use the resolver compares the write with.
            private LazySpan span;
        }

        /// <summary><c>local.A.B = value</c>; <see cref="Value"/> is null when the member changes in a way we do not follow.</summary>
        public sealed class MemberWrite
        {
            public MemberWrite(IOperation node, string[] path, IOperation target, IOperation? value, bool ifUnset = false)
            {
                Node = node;
                Path = path;
                Target = target;
                Value = value;
                IfUnset = ifUnset;
            }

            /// <summary><c>local.A ??= value</c>: takes effect only when the member is not set.</summary>
            public bool IfUnset { get; }

            public IOperation Node { get; }

            public string[] Path { get; }

            /// <summary>The member reference written (its syntax is the entry's key location).</summary>
            public IOperation Target { get; }

            public IOperation? Value { get; }

            public int End => span.Of(Node.Syntax).End;

            public int Start => span.Of(Node.Syntax).Start;

            private LazySpan span;
        }
    }

    /// <summary>
    /// A node's span, computed when first read and kept (a span costs two walks of the node's green tree). Threads that
    /// race compute the same value; the volatile flag publishes it.
    /// </summary>
    internal struct LazySpan
    {
        private TextSpan span;
        private volatile bool known;

        public TextSpan Of(SyntaxNode node)
        {
            if (!known)
            {
                span = node.Span;
                known = true;
            }

            return span;
        }
    }

    /// <summary>
    /// Every operation below a root (not the root itself), in the order <c>root.Descendants()</c> gives them: pre-order,
    /// children in order, with each one's kind (<see cref="CurrentKind"/>, read once). The same walk over
    /// <see cref="IOperation.ChildOperations"/> without Roslyn's iterator, and without asking a leaf (a literal, a local
    /// or parameter reference, ...) for children it cannot have: each of those questions is an interface call that
    /// dispatches on the operation's many classes. The body index walks every operation of each body it reads (36,000 a
    /// pass over the 50-stack app). No recursion: the depth of the tree lives on a heap stack.
    /// </summary>
    internal struct OperationWalk
    {
        // The enumerators of the operations whose children are being walked, innermost last: advanced in place (a ref to
        // the top), so a sibling costs no pop and push of the struct.
        private IOperation.OperationList.Enumerator[] pending;
        private int depth;
        private IOperation? current;
        private OperationKind currentKind;

        public OperationWalk(IOperation root)
        {
            pending = new IOperation.OperationList.Enumerator[16];
            pending[0] = root.ChildOperations.GetEnumerator();
            depth = 1;
            current = null;
            currentKind = OperationKind.None;
        }

        public IOperation Current => current!;

        /// <summary>The kind of <see cref="Current"/>.</summary>
        public OperationKind CurrentKind => currentKind;

        public bool MoveNext()
        {
            while (depth > 0)
            {
                ref var siblings = ref pending[depth - 1];
                if (!siblings.MoveNext())
                {
                    depth--;
                    continue;
                }

                var next = siblings.Current;
                if (next == null)
                {
                    continue;
                }

                var kind = next.Kind;
                if (!IsLeaf(kind))
                {
                    if (depth == pending.Length)
                    {
                        Array.Resize(ref pending, depth * 2);
                    }

                    pending[depth++] = next.ChildOperations.GetEnumerator();
                }

                current = next;
                currentKind = kind;
                return true;
            }

            current = null;
            return false;
        }

        /// <summary>Kinds whose operations never have child operations.</summary>
        private static bool IsLeaf(OperationKind kind)
        {
            switch (kind)
            {
                case OperationKind.Literal:
                case OperationKind.LocalReference:
                case OperationKind.ParameterReference:
                case OperationKind.InstanceReference:
                case OperationKind.DefaultValue:
                case OperationKind.TypeOf:
                case OperationKind.SizeOf:
                case OperationKind.Empty:
                case OperationKind.Discard:
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// The <see cref="BodyIndex"/> of each operation tree the analysis of one compilation reads (every member's own, and
    /// those of the members the resolver follows), built once each. Owned by that compilation's analysis (see
    /// <c>CdkAnalyzer.CompilationState</c>): nothing outlives it, nothing is shared between compilations. Thread-safe.
    /// </summary>
    public sealed class BodyIndexes
    {
        private readonly Dictionary<IOperation, BodyIndex> indexes = new Dictionary<IOperation, BodyIndex>();
        private readonly TypeFacts? facts;

        /// <param name="facts">The compilation's cached type facts; null reads each type's attributes again.</param>
        public BodyIndexes(TypeFacts? facts = null)
        {
            this.facts = facts;
        }

        /// <summary>The index of the tree that contains <paramref name="operation"/>.</summary>
        internal BodyIndex Of(IOperation operation)
        {
            var root = RootOf(operation);
            lock (indexes)
            {
                if (indexes.TryGetValue(root, out var existing))
                {
                    return existing;
                }
            }

            // Built outside the lock: another body's actions need not wait for this walk. Two threads may both build the
            // index of one tree (the same content); the first stored is the one every caller gets.
            var index = new BodyIndex(root, facts);
            lock (indexes)
            {
                if (indexes.TryGetValue(root, out var stored))
                {
                    return stored;
                }

                indexes.Add(root, index);
                return index;
            }
        }

        /// <summary>True when the index of the tree rooted at <paramref name="root"/> is built (a seam for tests).</summary>
        internal bool Has(IOperation root)
        {
            lock (indexes)
            {
                return indexes.ContainsKey(root);
            }
        }

        /// <summary>The root of the operation tree that contains <paramref name="operation"/>.</summary>
        internal static IOperation RootOf(IOperation operation)
        {
            var root = operation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            return root;
        }
    }
}
