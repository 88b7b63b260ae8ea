using VNetLab.EstateGenerator.Planning;

namespace VNetLab.EstateGenerator.Writing;

internal static class RouteTableWriter
{
    public static void Write(ArmJsonWriter writer, string id, string name, string location, string resourceGroup,
        bool disableBgpRoutePropagation, IEnumerable<RoutePlan> routes)
    {
        var json = writer.Json;
        writer.BeginResource(id, name, ArmIds.RouteTables, location, resourceGroup);
        json.WriteBoolean("disableBgpRoutePropagation", disableBgpRoutePropagation);
        json.WriteStartArray("routes");
        foreach (var route in routes)
        {
            writer.BeginChild(ArmIds.Child(id, "routes", route.Name), route.Name, ArmIds.Routes);
            json.WriteString("addressPrefix", route.Prefix.ToString());
            json.WriteString("nextHopType", route.NextHopType);
            if (route.NextHopAddress is { } nextHop)
            {
                json.WriteString("nextHopIpAddress", Ipv4.Format(nextHop));
            }

            writer.End();
            writer.Tally.Routes++;
        }

        json.WriteEndArray();
        writer.End();
        writer.Tally.RouteTables++;
    }
}
