using System.Collections.Immutable;
using VNetLab.EstateGenerator.Planning;
using VNetLab.EstateGenerator.Writing;

namespace VNetLab.EstateGenerator;

/// <summary>
/// Generates a realistic hub-and-spoke estate as ARM JSON, one file per resource group under
/// <c>DIR/estate/&lt;subscription&gt;/</c>, plus <c>DIR/manifest.json</c>. <c>vnetlab</c> reads the
/// estate folder like any export; the manifest (outside that folder, so it is not read as an estate
/// file) records the options, counts and the deliberate platform-rule violations.
/// </summary>
public static class HubAndSpokeGenerator
{
    public const string EstateFolder = "estate";

    public const string ManifestFile = "manifest.json";

    public const string ConnectivityFolder = "connectivity";

    /// <summary>
    /// Writes the estate described by <paramref name="options"/> under <paramref name="outputDirectory"/>.
    /// The estate folder must not hold files yet (an earlier, larger estate would otherwise leak into this one).
    /// Resource groups are written in parallel; the bytes do not depend on it.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not usable (<see cref="EstateGeneratorOptions.Validate"/>).</exception>
    /// <exception cref="IOException">The estate folder already holds files.</exception>
    public static EstateManifest Generate(EstateGeneratorOptions options, string outputDirectory, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = EstatePlan.Create(options);
        var estateDirectory = Path.Combine(outputDirectory, EstateFolder);
        if (Directory.Exists(estateDirectory) && Directory.EnumerateFileSystemEntries(estateDirectory).Any())
        {
            throw new IOException($"{estateDirectory} already holds files; generate into an empty folder.");
        }

        var jobs = Jobs(plan).OrderBy(j => j.Path, StringComparer.Ordinal).ToArray();
        foreach (var folder in jobs.Select(j => Path.GetDirectoryName(j.Path)).Distinct(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(Path.Combine(estateDirectory, folder ?? string.Empty));
        }

        var tallies = new ResourceTally[jobs.Length];
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            using var stream = new FileStream(Path.Combine(estateDirectory, jobs[i].Path), FileMode.CreateNew, FileAccess.Write, FileShare.None,
                1 << 16, FileOptions.SequentialScan);
            using var writer = new ArmJsonWriter(stream);
            jobs[i].Write(writer);
            writer.Complete();
            tallies[i] = writer.Tally;
        });

        var manifest = new EstateManifest
        {
            Options = options,
            Files = [.. jobs.Select(j => j.Path.Replace('\\', '/'))],
            ConnectivitySubscription = plan.ConnectivitySubscription,
            LandingZoneSubscriptions = plan.Spokes.Select(s => s.Subscription).Distinct(StringComparer.Ordinal).Count(),
            Counts = ResourceTally.Sum(tallies, plan.OnPremisesPrefixes.Length),
            Violations = plan.Violations,
            SampleNetworkInterfaces = Samples(plan),
        };
        using (var stream = new FileStream(Path.Combine(outputDirectory, ManifestFile), FileMode.Create, FileAccess.Write))
        {
            ManifestWriter.Write(manifest, stream);
        }

        return manifest;
    }

    private static IEnumerable<(string Path, Action<ArmJsonWriter> Write)> Jobs(EstatePlan plan)
    {
        yield return (Path.Combine(ConnectivityFolder, CircuitPlan.ResourceGroup + ".json"), w => ConnectivityWriter.WriteCircuits(w, plan));
        yield return (Path.Combine(ConnectivityFolder, EstatePlan.OnPremisesResourceGroup + ".json"), w => ConnectivityWriter.WriteExternalSites(w, plan));
        foreach (var hub in plan.Hubs)
        {
            yield return (Path.Combine(ConnectivityFolder, hub.ResourceGroup + ".json"), w => HubResourceGroupWriter.Write(w, plan, hub));
        }

        foreach (var spoke in plan.Spokes)
        {
            yield return (Path.Combine(spoke.LandingZone, spoke.ResourceGroup + ".json"), w => SpokeResourceGroupWriter.Write(w, plan, spoke));
        }
    }

    /// <summary>One NIC of each interesting kind of subnet, for trying the routing and security commands.</summary>
    private static ImmutableArray<SampleNetworkInterface> Samples(EstatePlan plan)
    {
        var samples = ImmutableArray.CreateBuilder<SampleNetworkInterface>();
        var hub = plan.Hubs[0];
        var dnsVm = $"vm-{hub.Name}-dns01";
        samples.Add(new("hub DNS server", hub.Id(ArmIds.NetworkInterfaces, NetworkInterfaceWriter.NicName(dnsVm)), Ipv4.Format(hub.DnsServers[0])));
        if (plan.Options.NicsPerSubnet == 0)
        {
            return samples.ToImmutable();
        }

        void Add(string label, SpokePlan? spoke)
        {
            if (spoke is not null)
            {
                var subnet = spoke.Subnets[0];
                var nic = NetworkInterfaceWriter.NicName(spoke.VirtualMachineName(subnet, 0));
                samples.Add(new(label, spoke.Id(ArmIds.NetworkInterfaces, nic), Ipv4.Format(subnet.Prefix.Address(AddressPlan.FirstHostOffset))));
            }
        }

        // Each sample has one distinguishing trait: a regional spoke that uses its hub's gateways, plus that trait.
        var regional = plan.Spokes.Where(s => s.UsesHubGateways && !s.IsGlobal && s.SecondHub is null).ToList();
        Add("spoke using its hub's gateways, no route table", regional.FirstOrDefault(s => !s.HasRouteTable));
        Add("spoke with a route table to the hub firewall", regional.FirstOrDefault(s => s.HasRouteTable && !s.DisableBgpRoutePropagation));
        Add("spoke with gateway route propagation disabled", regional.FirstOrDefault(s => s.DisableBgpRoutePropagation));
        Add("spoke peered to a hub in another region (global peering)", plan.Spokes.FirstOrDefault(s => s.IsGlobal));
        Add("sandbox spoke without gateway transit", plan.Spokes.FirstOrDefault(s => !s.UsesHubGateways));
        Add("spoke using two hubs' gateways (planted violation)", plan.Spokes.FirstOrDefault(s => s.SecondHub is not null));
        return samples.ToImmutable();
    }
}
