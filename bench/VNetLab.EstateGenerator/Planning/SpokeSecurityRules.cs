using System.Collections.Immutable;
using System.Globalization;

namespace VNetLab.EstateGenerator.Planning;

/// <summary>
/// The custom rules of a spoke's NSG, the way landing-zone NSGs look: management ports from the
/// on-premises management networks, HTTPS from on-premises to the web tier, web → app → db through
/// application security groups, DNS to the hub, an explicit deny of the Internet outbound and a final
/// deny-all inbound; then as many service rules between on-premises ranges and the tiers as the options
/// ask for. A pure function of the seed and the spoke, so the planner and the writer agree on names.
/// </summary>
internal static class SpokeSecurityRules
{
    private const int DenyInternetPriority = 4000;
    private const int DenyAllPriority = 4096;
    private const int LastFillerPriority = 3990;

    private static readonly (string Name, string Protocol, string[] Ports)[] _services =
    [
        ("Ssh", "Tcp", ["22"]), ("Rdp", "Tcp", ["3389"]), ("Https", "Tcp", ["443"]), ("Http", "Tcp", ["80"]),
        ("Dns", "*", ["53"]), ("Ntp", "Udp", ["123"]), ("Smb", "Tcp", ["445"]), ("Ldap", "Tcp", ["389", "636"]),
        ("Kerberos", "*", ["88"]), ("SqlServer", "Tcp", ["1433"]), ("Oracle", "Tcp", ["1521"]), ("MySql", "Tcp", ["3306"]),
        ("Postgres", "Tcp", ["5432"]), ("Redis", "Tcp", ["6379-6380"]), ("Kafka", "Tcp", ["9092-9094"]),
        ("Elastic", "Tcp", ["9200-9300"]), ("Mongo", "Tcp", ["27017"]), ("Amqp", "Tcp", ["5671-5672"]),
        ("WinRm", "Tcp", ["5985-5986"]), ("Syslog", "Udp", ["514"]), ("Snmp", "Udp", ["161-162"]), ("Smtp", "Tcp", ["25", "587"]),
        ("HttpAlt", "Tcp", ["8080"]), ("AppHttps", "Tcp", ["8443"]), ("Rpc", "Tcp", ["135", "49152-65535"]), ("Nfs", "Tcp", ["2049"]),
        ("Sftp", "Tcp", ["22"]), ("Grpc", "Tcp", ["50051"]), ("Prometheus", "Tcp", ["9090-9100"]), ("Zabbix", "Tcp", ["10050-10051"]),
    ];

    public static ImmutableArray<SecurityRulePlan> Build(EstatePlan plan, SpokePlan spoke)
    {
        var random = new DeterministicRandom(plan.Options.Seed, RandomStream.SpokeSecurityRules, spoke.Index);
        var wanted = plan.Options.NsgRules;
        var core = CoreRules(plan, spoke);
        var rules = new List<SecurityRulePlan>(wanted);
        // Next free priority per direction: [0] inbound, [1] outbound.
        int[] next = [100, 100];
        foreach (var rule in core.Take(wanted))
        {
            if (rule.Priority == 0)
            {
                rules.Add(rule with { Priority = next[Slot(rule.Inbound)] });
                next[Slot(rule.Inbound)] += 10;
            }
            else
            {
                rules.Add(rule);
            }
        }

        var fillers = wanted - rules.Count;
        var inboundFillers = (fillers + 1) / 2;
        var outboundFillers = fillers / 2;
        int[] step = [Step(next[0], inboundFillers), Step(next[1], outboundFillers)];
        for (var i = 0; i < fillers; i++)
        {
            var inbound = i % 2 == 0;
            var rule = inbound ? InboundService(plan, spoke, random, i + 1) : OutboundService(plan, spoke, random, i + 1);
            rules.Add(rule with { Priority = next[Slot(inbound)] });
            next[Slot(inbound)] += step[Slot(inbound)];
        }

        return spoke.HasDuplicateRulePriority ? DuplicatePriority(rules) : [.. rules];
    }

    /// <summary>Whether an NSG of <paramref name="nsgRules"/> rules has two inbound allow rules to plant the 7.2 violation on.</summary>
    public static bool CanDuplicatePriority(int nsgRules) => nsgRules >= 3;

    /// <summary>The rule that the planted 7.2 violation gives another rule's priority, and that other rule.</summary>
    public static (SecurityRulePlan Existing, SecurityRulePlan Duplicate) PlantedConflict(ImmutableArray<SecurityRulePlan> rules)
    {
        var inbound = rules.Where(r => r.Inbound && r.Priority != DenyAllPriority).ToList();
        return (inbound[0], inbound[^1]);
    }

    private static ImmutableArray<SecurityRulePlan> DuplicatePriority(List<SecurityRulePlan> rules)
    {
        var inbound = rules.Where(r => r.Inbound && r.Priority != DenyAllPriority).ToList();
        var victim = rules.IndexOf(inbound[^1]);
        rules[victim] = rules[victim] with { Priority = inbound[0].Priority };
        return [.. rules];
    }

    private static int Slot(bool inbound) => inbound ? 0 : 1;

    /// <summary>Spread the service rules up to priority 3990 in steps of 10 while they fit, closer when there are many.</summary>
    private static int Step(int first, int count) => count == 0 ? 10 : Math.Clamp((LastFillerPriority - first) / count, 1, 10);

    /// <summary>The rules every spoke NSG starts with, most important first; priority 0 means "next free".</summary>
    private static List<SecurityRulePlan> CoreRules(EstatePlan plan, SpokePlan spoke)
    {
        var onPremises = AddressPlan.OnPremisesAggregates.Select(p => p.ToString()).ToImmutableArray();
        var management = plan.ManagementPrefixes.Select(p => p.ToString()).ToImmutableArray();
        var web = spoke.ApplicationSecurityGroupId(Tier.Web);
        var app = spoke.ApplicationSecurityGroupId(Tier.App);
        var db = spoke.ApplicationSecurityGroupId(Tier.Db);
        return
        [
            new()
            {
                Name = "Allow-Mgmt-From-OnPrem", Description = "SSH and RDP from the on-premises management networks",
                Protocol = "Tcp", DestinationPorts = ["22", "3389"], SourcePrefixes = management, DestinationPrefixes = ["*"],
                Allow = true, Priority = 0, Inbound = true,
            },
            new()
            {
                Name = "Allow-Dns-To-Hub", Description = "Name resolution through the hub DNS servers",
                Protocol = "*", DestinationPorts = ["53"], SourcePrefixes = ["*"], DestinationPrefixes = [spoke.Hub.DnsSubnet.ToString()],
                Allow = true, Priority = 0, Inbound = false,
            },
            new()
            {
                Name = "Allow-Https-From-OnPrem-To-Web", Description = "Users reach the web tier from on-premises",
                Protocol = "Tcp", DestinationPorts = ["443"], SourcePrefixes = onPremises, DestinationApplicationSecurityGroups = [web],
                Allow = true, Priority = 0, Inbound = true,
            },
            new()
            {
                Name = "Allow-App-From-Web", Description = "Web tier calls the application tier",
                Protocol = "Tcp", DestinationPorts = ["8443"], SourceApplicationSecurityGroups = [web], DestinationApplicationSecurityGroups = [app],
                Allow = true, Priority = 0, Inbound = true,
            },
            new()
            {
                Name = "Allow-Db-From-App", Description = "Application tier reaches the databases",
                Protocol = "Tcp", DestinationPorts = ["1433"], SourceApplicationSecurityGroups = [app], DestinationApplicationSecurityGroups = [db],
                Allow = true, Priority = 0, Inbound = true,
            },
            new()
            {
                Name = "Allow-Https-To-OnPrem", Description = "Workloads call on-premises services",
                Protocol = "Tcp", DestinationPorts = ["443"], SourcePrefixes = ["*"], DestinationPrefixes = onPremises,
                Allow = true, Priority = 0, Inbound = false,
            },
            new()
            {
                Name = "Allow-Monitoring-From-Hub", Description = "Monitoring and patching from the hub management subnet",
                Protocol = "Tcp", DestinationPorts = ["5986"], SourcePrefixes = [spoke.Hub.ManagementSubnet.ToString()], DestinationPrefixes = ["*"],
                Allow = true, Priority = 0, Inbound = true,
            },
            new()
            {
                Name = "Deny-All-Inbound", Description = "Nothing else comes in, not even from the rest of the VNet",
                Protocol = "*", DestinationPorts = ["*"], SourcePrefixes = ["*"], DestinationPrefixes = ["*"],
                Allow = false, Priority = DenyAllPriority, Inbound = true,
            },
            new()
            {
                Name = "Deny-Internet-Outbound", Description = "Security policy: no direct Internet access",
                Protocol = "*", DestinationPorts = ["*"], SourcePrefixes = ["*"], DestinationPrefixes = ["Internet"],
                Allow = false, Priority = DenyInternetPriority, Inbound = false,
            },
        ];
    }

    private static SecurityRulePlan InboundService(EstatePlan plan, SpokePlan spoke, DeterministicRandom random, int number)
    {
        var (service, protocol, ports) = random.Pick(_services);
        var allow = !random.Chance(0.1);
        var tier = (Tier)random.Next(3);
        var rule = new SecurityRulePlan
        {
            Name = RuleName(allow, service, "In", number),
            Description = string.Empty,
            Protocol = protocol,
            DestinationPorts = [.. ports],
            Allow = allow,
            Priority = 0,
            Inbound = true,
        };
        switch (random.Next(3))
        {
            case 0:
                var sources = OnPremisesPicks(plan, random);
                return rule with
                {
                    Description = Describe(service, $"{Count(sources.Length, "on-premises range")} to the {SpokePlan.TierName(tier)} tier"),
                    SourcePrefixes = sources,
                    DestinationApplicationSecurityGroups = [spoke.ApplicationSecurityGroupId(tier)],
                };
            case 1:
                var from = (Tier)random.Next(3);
                return rule with
                {
                    Description = Describe(service, $"the {SpokePlan.TierName(from)} tier to the {SpokePlan.TierName(tier)} tier"),
                    SourceApplicationSecurityGroups = [spoke.ApplicationSecurityGroupId(from)],
                    DestinationApplicationSecurityGroups = [spoke.ApplicationSecurityGroupId(tier)],
                };
            default:
                var ranges = OnPremisesPicks(plan, random);
                return rule with
                {
                    Description = Describe(service, $"{Count(ranges.Length, "on-premises range")} to the whole VNet"),
                    SourcePrefixes = ranges,
                    DestinationPrefixes = ["VirtualNetwork"],
                };
        }
    }

    private static SecurityRulePlan OutboundService(EstatePlan plan, SpokePlan spoke, DeterministicRandom random, int number)
    {
        var (service, protocol, ports) = random.Pick(_services);
        var allow = !random.Chance(0.1);
        var tier = (Tier)random.Next(3);
        var rule = new SecurityRulePlan
        {
            Name = RuleName(allow, service, "Out", number),
            Description = string.Empty,
            Protocol = protocol,
            DestinationPorts = [.. ports],
            Allow = allow,
            Priority = 0,
            Inbound = false,
        };
        switch (random.Next(3))
        {
            case 0:
                var targets = OnPremisesPicks(plan, random);
                return rule with
                {
                    Description = Describe(service, $"the {SpokePlan.TierName(tier)} tier to {Count(targets.Length, "on-premises range")}"),
                    SourceApplicationSecurityGroups = [spoke.ApplicationSecurityGroupId(tier)],
                    DestinationPrefixes = targets,
                };
            case 1:
                var ranges = OnPremisesPicks(plan, random);
                return rule with
                {
                    Description = Describe(service, $"the VNet to {Count(ranges.Length, "on-premises range")}"),
                    SourcePrefixes = ["*"],
                    DestinationPrefixes = ranges,
                };
            default:
                var hubTarget = random.Chance(0.5) ? spoke.Hub.ManagementSubnet.ToString() : Ipv4.Format(spoke.Hub.FirewallPrivateAddress);
                return rule with
                {
                    Description = Describe(service, "the VNet to the hub"),
                    SourcePrefixes = ["*"],
                    DestinationPrefixes = [hubTarget],
                };
        }
    }

    /// <summary>One to three distinct on-premises prefixes; they never overlap, as one rule parameter requires.</summary>
    private static ImmutableArray<string> OnPremisesPicks(EstatePlan plan, DeterministicRandom random)
    {
        var prefixes = plan.OnPremisesPrefixes;
        var wanted = Math.Min(prefixes.Length, 1 + random.Next(3));
        var picks = new List<int>(wanted);
        while (picks.Count < wanted)
        {
            var index = random.Next(prefixes.Length);
            if (!picks.Contains(index))
            {
                picks.Add(index);
            }
        }

        return [.. picks.Select(i => prefixes[i].ToString())];
    }

    private static string RuleName(bool allow, string service, string direction, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{(allow ? "Allow" : "Deny")}-{service}-{direction}-{number:D3}");

    private static string Describe(string service, string what) => $"{service} from {what}";

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
