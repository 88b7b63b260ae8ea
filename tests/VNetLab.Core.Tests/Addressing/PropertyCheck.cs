using FsCheck;
using FsCheck.Fluent;

namespace VNetLab.Core.Tests.Addressing;

/// <summary>
/// Runs an FsCheck property from an ordinary xunit [Fact] (FsCheck.Xunit is not available) and fails
/// the test with FsCheck's counterexample and replay seed when it does not hold.
/// </summary>
internal static class PropertyCheck
{
    public const int DefaultRuns = 300;

    public static void Holds<T>(Gen<T> generator, Func<T, bool> property, int runs = DefaultRuns) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(runs), Prop.ForAll(generator.ToArbitrary(), property));
}
