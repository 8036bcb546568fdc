using System;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>Walks an object graph by reflection over instance fields (and array elements), guarding against cycles.</summary>
internal static class ObjectGraph
{
    /// <summary>Types that must never be held by a pipeline model: they defeat caching and keep compilations alive.</summary>
    private static readonly Type[] Forbidden =
    [
        typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location),
    ];

    /// <summary>Every reachable object with its field path, the root included; <paramref name="descend"/> can stop at a type.</summary>
    public static IEnumerable<(object Value, string Path)> Walk(object? root, string rootName, Func<Type, bool>? descend = null)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object Value, string Path)>();
        if (root is not null)
        {
            pending.Push((root, rootName));
        }

        while (pending.Count > 0)
        {
            var (value, path) = pending.Pop();
            var type = value.GetType();
            if (!type.IsValueType && !visited.Add(value))
            {
                continue;
            }

            yield return (value, path);
            if (IsLeaf(type) || IsForbidden(type) || (descend is not null && !descend(type)))
            {
                continue;
            }

            if (value is Array array)
            {
                var index = 0;
                foreach (var element in array)
                {
                    if (element is not null)
                    {
                        pending.Push((element, $"{path}[{index}]"));
                    }

                    index++;
                }

                continue;
            }

            for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
            {
                foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                    {
                        continue;
                    }

                    if (field.GetValue(value) is { } child)
                    {
                        pending.Push((child, $"{path}.{field.Name}"));
                    }
                }
            }
        }
    }

    /// <summary>Paths (with types) of Compilation, ISymbol, SyntaxNode, SyntaxTree, SemanticModel or Location objects.</summary>
    public static IEnumerable<string> ForbiddenObjects(object? root, string rootName)
    {
        foreach (var (value, path) in Walk(root, rootName))
        {
            if (IsForbidden(value.GetType()))
            {
                yield return $"{path}: {value.GetType().FullName}";
            }
        }
    }

    /// <summary>All strings reachable from <paramref name="root"/>, without reading into source texts.</summary>
    public static IEnumerable<string> Strings(object? root)
    {
        foreach (var (value, _) in Walk(root, "root", type => !typeof(SourceText).IsAssignableFrom(type)))
        {
            if (value is string text)
            {
                yield return text;
            }
        }
    }

    private static bool IsForbidden(Type type)
    {
        foreach (var forbidden in Forbidden)
        {
            if (forbidden.IsAssignableFrom(type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive
        || type.IsEnum
        || type == typeof(string)
        || type == typeof(decimal)
        || type == typeof(DateTime)
        || type == typeof(DateTimeOffset)
        || type == typeof(TimeSpan)
        || type == typeof(Guid)
        || typeof(MemberInfo).IsAssignableFrom(type)
        || typeof(Delegate).IsAssignableFrom(type)
        || type == typeof(Pointer);
}
