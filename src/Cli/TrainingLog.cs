using System.Text;
using Rl.Ppo;

namespace Rl.Cli;

/// <summary>What a training run reports, kept for the progress line, the CSV files and the charts.</summary>
internal sealed class TrainingLog(PpoConfig config)
{
    private readonly List<UpdateReport> _reports = [];
    private readonly List<(long Steps, double Return)> _episodes = [];

    public IReadOnlyList<UpdateReport> Reports => _reports;

    /// <summary>Every finished episode: the step count at the end of its update, and its return.</summary>
    public IReadOnlyList<(long Steps, double Return)> Episodes => _episodes;

    public void Add(UpdateReport report)
    {
        _reports.Add(report);
        foreach (double r in report.EpisodeReturns) _episodes.Add((report.Steps, r));
    }

    /// <summary>The mean return of the last 20 episodes (NaN before the first).</summary>
    public double RecentReturn => _episodes.Count == 0 ? double.NaN : _episodes.TakeLast(20).Average(e => e.Return);

    /// <summary>
    /// The progress line, 46 characters wide (so that with the bar it fits 80 columns):
    /// "212,992/500,000  return  487.3   9,876 steps/s".
    /// </summary>
    public string Describe()
    {
        var last = _reports[^1];
        string total = (config.Updates * (long)config.BatchSize).ToString("N0");
        return $"{last.Steps.ToString("N0").PadLeft(total.Length)}/{total}  return {RecentReturn,6:F1}  {last.StepsPerSecond,6:N0} steps/s";
    }

    /// <summary>
    /// metrics.csv: the debug metrics of every update, the same bytes for the same seed; episodes.csv: every
    /// episode's return; timing.csv: the wall-clock speed after every update (steps per second since the
    /// start), the one file that differs between two runs of a seed.
    /// </summary>
    public void WriteCsv(string metricsPath, string episodesPath, string timingPath)
    {
        var metrics = new StringBuilder("update,steps,learning_rate,policy_loss,value_loss,entropy,approx_kl,clip_fraction,explained_variance,epochs,episodes,mean_episode_return\n");
        var timing = new StringBuilder("update,steps,steps_per_second\n");
        foreach (var r in _reports)
        {
            double mean = r.EpisodeReturns.Count > 0 ? r.EpisodeReturns.Average() : double.NaN;
            metrics.Append($"{r.Update},{r.Steps},{r.LearningRate:R},{r.PolicyLoss:R},{r.ValueLoss:R},{r.Entropy:R},{r.ApproxKl:R},{r.ClipFraction:R},{r.ExplainedVariance:R},{r.Epochs},{r.EpisodeReturns.Count},{mean:R}\n");
            timing.Append($"{r.Update},{r.Steps},{r.StepsPerSecond:F0}\n");
        }
        File.WriteAllText(metricsPath, metrics.ToString());
        var episodes = new StringBuilder("steps,return\n");
        foreach (var (steps, value) in _episodes) episodes.Append($"{steps},{value:R}\n");
        File.WriteAllText(episodesPath, episodes.ToString());
        File.WriteAllText(timingPath, timing.ToString());
    }
}
