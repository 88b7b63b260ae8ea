using VNetLab.Analysis;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Security;
using VNetLab.Validation;

namespace VNetLab.Benchmarks;

/// <summary>
/// One imported benchmark estate with what its security compile needs (its routing, for the gateway-learned
/// prefixes in the <c>VirtualNetwork</c> tag), and the operations the scaling benchmarks time on it, so that
/// the warm and the cold scaling benchmarks time the very same calls.
/// </summary>
public sealed record ScalingEstate(string Folder, Estate Estate, SecurityOptions SecurityOptions)
{
    public static ScalingEstate Load(string name)
    {
        var estate = BenchmarkEstates.Import(name);
        return new ScalingEstate(
            BenchmarkEstates.Folder(name),
            estate,
            SecurityRoutingInputs.WithRouting(SecurityOptions.Default, RoutingCompiler.Compile(estate)));
    }

    public static ScalingEstate Scale(int factor) =>
        Load("scale-" + factor.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public int Validate() => Validator.Default.Validate(Estate).Length;

    /// <summary>Compiles security and asks it for every NIC, as <c>vnetlab security</c> over an estate does.</summary>
    public int CompileSecurityOfEveryNic()
    {
        var security = SecurityCompiler.Compile(Estate, SecurityOptions);
        return Estate.NetworkInterfaces.Sum(n => security.For(n).Associations.Length);
    }
}
