using VNetLab.Arm.Import;
using VNetLab.Model;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>One tiny estate, generated and imported once for every test class that only reads it.</summary>
public sealed class TinyEstateFixture : IDisposable
{
    public const string Collection = "tiny generated estate";

    public TinyEstateFixture()
    {
        Generated = new GeneratedEstate(GeneratedEstate.Tiny);
        Import = Generated.Import();
    }

    internal GeneratedEstate Generated { get; }

    public ImportResult Import { get; }

    public Estate Estate => Import.Estate;

    public EstateManifest Manifest => Generated.Manifest;

    public void Dispose() => Generated.Dispose();
}

[CollectionDefinition(TinyEstateFixture.Collection)]
public sealed class TinyEstateCollection : ICollectionFixture<TinyEstateFixture>;
