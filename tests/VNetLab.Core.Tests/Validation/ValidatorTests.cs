using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation;

public sealed class ValidatorTests
{
    private static EstateBuilder Broken() => EstateBuilder.Baseline()
        .Subnet("spoke", "outside", "10.9.0.0/24")
        .Nic("nic2", "spoke", "app", "10.1.1.3")
        .Rule("nsg-app", "dup", 100)
        .Peering("spoke", "hub", name: "again");

    [Fact]
    public void Output_IsSortedByResourceThenCode_AndIndependentOfInputOrder()
    {
        var forward = Validator.Default.Validate(Broken().Build());
        var reversed = Validator.Default.Validate(Estate.Create(Broken().Build().Roots.Reverse()));
        Assert.Equal(forward.Select(d => (d.Code, d.ResourceId, d.Message)), reversed.Select(d => (d.Code, d.ResourceId, d.Message)));
        Assert.Equal(forward, forward.Order(DiagnosticOrder.Instance));
        Assert.True(forward.Length >= 4);
    }

    [Fact]
    public void TheSameFindingTwice_IsReportedOnce()
    {
        var rule = new TwiceRule();
        var diagnostics = new Validator([rule, rule]).Validate(EstateBuilder.Baseline().Build());
        Assert.Single(diagnostics);
    }

    [Fact]
    public void Diagnostics_PointAtTheResourceAndWhereItWasRead()
    {
        var source = new SourceLocation("estate/network.json", "$[1].properties.subnets[1]");
        var estate = EstateBuilder.Baseline().Subnet("spoke", "outside", "10.9.0.0/24")
            .Change<Subnet>(EstateBuilder.SubnetId("spoke", "outside"), s => s with { Source = source })
            .Build();
        var diagnostic = Assert.Single(Validator.Default.Validate(estate));
        Assert.Equal(EstateBuilder.SubnetId("spoke", "outside"), diagnostic.ResourceId);
        Assert.Equal(source, diagnostic.Location);
    }

    private sealed class TwiceRule : IValidationRule
    {
        public System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.SubnetIsFull];

        public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork));

        public IEnumerable<Diagnostic> Validate(Estate estate)
        {
            var subnet = estate.AllSubnets.First().Subnet;
            yield return DiagnosticCatalog.SubnetIsFull(subnet, 3, 4);
            yield return DiagnosticCatalog.SubnetIsFull(subnet, 3, 4);
        }
    }
}
