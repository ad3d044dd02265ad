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

    public string Describe()
    {
        var last = _reports[^1];
        return $"steps {last.Steps,9:N0}/{config.Updates * (long)config.BatchSize:N0}  return(20) {RecentReturn,7:F1}  {last.StepsPerSecond,8:N0} steps/s";
    }

    public void WriteCsv(string metricsPath, string episodesPath)
    {
        var metrics = new StringBuilder("update,steps,learning_rate,policy_loss,value_loss,entropy,approx_kl,clip_fraction,explained_variance,epochs,episodes,mean_episode_return,steps_per_second\n");
        foreach (var r in _reports)
        {
            double mean = r.EpisodeReturns.Count > 0 ? r.EpisodeReturns.Average() : double.NaN;
            metrics.Append($"{r.Update},{r.Steps},{r.LearningRate:R},{r.PolicyLoss:R},{r.ValueLoss:R},{r.Entropy:R},{r.ApproxKl:R},{r.ClipFraction:R},{r.ExplainedVariance:R},{r.Epochs},{r.EpisodeReturns.Count},{mean:R},{r.StepsPerSecond:F0}\n");
        }
        File.WriteAllText(metricsPath, metrics.ToString());
        var episodes = new StringBuilder("steps,return\n");
        foreach (var (steps, value) in _episodes) episodes.Append($"{steps},{value:R}\n");
        File.WriteAllText(episodesPath, episodes.ToString());
    }
}
