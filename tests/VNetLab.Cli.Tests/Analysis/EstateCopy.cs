using System.Text.Json.Nodes;
using VNetLab.Testing;

namespace VNetLab.Cli.Tests.Analysis;

/// <summary>A temporary copy of an example estate that a test edits (a flag flipped, a rule added); deleted on dispose.</summary>
internal sealed class EstateCopy : IDisposable
{
    private EstateCopy(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    public static EstateCopy Of(string example)
    {
        var folder = Path.Combine(Path.GetTempPath(), "vnetlab-analysis-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Example(example), "estate")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return new EstateCopy(folder);
    }

    /// <summary>Edits the resource (or inline child) named <paramref name="name"/> in <paramref name="file"/>.</summary>
    public EstateCopy Edit(string file, string name, Action<JsonObject> edit)
    {
        var path = Path.Combine(Folder, file);
        var root = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidOperationException(path);
        var target = Find(root, name) ?? throw new InvalidOperationException($"{name} is not in {file}");
        edit(target);
        File.WriteAllText(path, root.ToJsonString());
        return this;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static JsonObject? Find(JsonNode? node, string name) => node switch
    {
        JsonObject o when o["name"]?.GetValue<string>() == name => o,
        JsonObject o => o.Select(p => Find(p.Value, name)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(item => Find(item, name)).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
