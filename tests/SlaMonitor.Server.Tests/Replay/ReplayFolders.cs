using SlaMonitor.Replay;

namespace SlaMonitor.Server.Tests.Replay;

/// <summary>Input folders for the replay tool: the Olist sample converted, or a slice of it.</summary>
internal static class ReplayFolders
{
    public static string OlistSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "olist");
            if (File.Exists(Path.Combine(candidate, "olist_orders_dataset.csv")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("data/olist not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The whole sample converted into a new temporary folder.</summary>
    public static string ConvertedOlist()
    {
        var folder = NewFolder();
        OlistConverter.Convert(OlistSample(), folder);
        return folder;
    }

    /// <summary>The converted sample's first <paramref name="rows"/> event rows, then <paramref name="extraRows"/> as written.</summary>
    public static string OlistSlice(int rows, params string[] extraRows)
    {
        var whole = ConvertedOlist();
        var folder = NewFolder();
        File.Copy(Path.Combine(whole, "config.json"), Path.Combine(folder, "config.json"));
        File.WriteAllLines(Path.Combine(folder, "events.csv"), File.ReadLines(Path.Combine(whole, "events.csv")).Take(rows + 1).Concat(extraRows));
        return folder;
    }

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"slamonitor-replay-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
