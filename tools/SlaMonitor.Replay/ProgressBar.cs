using System.Globalization;

namespace SlaMonitor.Replay;

/// <summary>A one-line progress bar on standard error, redrawn when the share of events posted moves by a percent.</summary>
internal sealed class ProgressBar : IProgress<double>
{
    private const int Width = 40;
    private int _shown = -1;

    public void Report(double value)
    {
        var percent = (int)(Math.Clamp(value, 0, 1) * 100);
        if (percent == _shown)
        {
            return;
        }

        _shown = percent;
        var filled = percent * Width / 100;
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3} % of events"));
    }
}
