using VNetLab.Arm.Import;
using VNetLab.Model;
using VNetLab.Testing;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>The examples' estates as the CLI imports them, for the theories that run an engine over every example.</summary>
internal static class ExampleEstates
{
    /// <summary>The estate of example <paramref name="example"/> (a name from <see cref="RepositoryPaths.ExampleNames"/>).</summary>
    public static Estate Read(string example) => EstateReader.Read([Path.Combine(RepositoryPaths.Examples, example, "estate")]).Estate;
}
