using System.Reflection;
using VNetLab.Testing;

namespace VNetLab.Core.Tests.Architecture;

/// <summary>Data flows one way (STYLE.md 6.3, DESIGN.md): a red build when a Core namespace uses one it must not.</summary>
public sealed class LayeringTests
{
    private static IEnumerable<string> CoreSources() =>
        Directory.EnumerateFiles(RepositoryPaths.Source("VNetLab.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void CoreNamespaces_UseOnlyWhatTheLayeringTableAllows()
    {
        var violations = CoreSources()
            .SelectMany(f => LayeringRules.Violations(File.ReadAllText(f)).Select(v => $"{Path.GetRelativePath(RepositoryPaths.Root, f)}: {v}"))
            .ToList();
        Assert.True(violations.Count == 0, "Forbidden dependencies:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void TheCheck_FailsWhenAForbiddenUsingIsAdded()
    {
        // The same check on a file that breaks the rules: Routing must not use Security, Model must not use Diagnostics.
        Assert.Equal(["Routing -> Security"], LayeringRules.Violations("using VNetLab.Security;\nnamespace VNetLab.Routing;\nclass X { }"));
        Assert.Equal(["Model -> Diagnostics"], LayeringRules.Violations("namespace VNetLab.Model;\nclass X { VNetLab.Diagnostics.Diagnostic? D; }"));
        Assert.Equal(["Addressing -> Model"], LayeringRules.Violations("using VNetLab.Model;\nnamespace VNetLab.Addressing;"));
        Assert.Empty(LayeringRules.Violations("using VNetLab.Model;\nusing VNetLab.Addressing;\nnamespace VNetLab.Routing;"));
        Assert.Empty(LayeringRules.Violations("// see VNetLab.Security for why\nnamespace VNetLab.Routing;"));
    }

    [Fact]
    public void CoreProject_HasNoPackageReference()
    {
        var project = File.ReadAllText(RepositoryPaths.Source("VNetLab.Core", "VNetLab.Core.csproj"));
        Assert.DoesNotContain("PackageReference", project, StringComparison.Ordinal);
        Assert.DoesNotContain("ProjectReference", project, StringComparison.Ordinal);
    }

    [Fact]
    public void SourceCode_DoesNotUseTheNullForgivingOperator()
    {
        // Bicep's rule: '!' hides a nullability bug; product code handles null instead. A postfix '!' is one
        // after an identifier, ')' or ']' and not followed by '=' (which would be '!=').
        var pattern = new System.Text.RegularExpressions.Regex(@"[\w\)\]]!(?![=])[\.\);,\s\]]");
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && !x.line.Contains('"') && pattern.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepositoryPaths.Root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Null-forgiving operator in src/:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void ModelTypes_AreImmutableRecordsOrReadonlyStructs()
    {
        var modelTypes = typeof(VNetLab.Model.Estate).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.Namespace == "VNetLab.Model" && !t.IsEnum && !t.IsInterface && !(t.IsAbstract && t.IsSealed))
            .ToList();
        Assert.True(modelTypes.Count > 20, "the reflection query found too few model types to be trusted");
        var mutable = modelTypes
            .Where(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Any(p => p.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit))))
            .Select(t => t.Name)
            .ToList();
        Assert.True(mutable.Count == 0, "Model types with public setters: " + string.Join(", ", mutable));
        var notRecords = modelTypes
            .Where(t => t.IsClass && t.GetMethod("<Clone>$") is null && t != typeof(VNetLab.Model.Estate) && t != typeof(VNetLab.Model.ResourceId))
            .Where(t => !(t.IsValueType && t.GetCustomAttributes().Any(a => a.GetType().Name == "IsReadOnlyAttribute")))
            .Select(t => t.Name)
            .ToList();
        Assert.True(notRecords.Count == 0, "Model classes that are not records: " + string.Join(", ", notRecords));
    }
}
