namespace Rl.Ppo;

/// <summary>
/// Advantage normalisation, one of the variance-reduction tricks the handout covers: within each
/// minibatch,
/// <code>
///   A_i &lt;- (A_i - mean(A)) / (std(A) + 1e-8)
/// </code>
/// with the sample standard deviation (B - 1 in the denominator, as torch.std). It removes the
/// advantages' scale, which changes as returns grow during training, so one learning rate fits the
/// whole run; subtracting the mean acts as an extra baseline. A minibatch of one is left as it is
/// (its standard deviation is undefined).
/// </summary>
public static class AdvantageNormalization
{
    /// <summary>The 1e-8 added to the standard deviation, so a constant minibatch does not divide by 0.</summary>
    public const double Epsilon = 1e-8;

    /// <summary>Normalises <paramref name="advantages"/> in place.</summary>
    public static void Normalize(Span<double> advantages)
    {
        Guard.NotEmpty(advantages, nameof(advantages));
        int n = advantages.Length;
        if (n == 1) return;
        double mean = 0.0;
        foreach (double a in advantages) mean += a;
        mean /= n;
        double squares = 0.0;
        foreach (double a in advantages) squares += (a - mean) * (a - mean);
        double scale = 1.0 / (Math.Sqrt(squares / (n - 1)) + Epsilon);
        for (int i = 0; i < n; i++) advantages[i] = (advantages[i] - mean) * scale;
    }
}
