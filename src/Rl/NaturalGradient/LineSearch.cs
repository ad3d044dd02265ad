namespace Rl.NaturalGradient;

/// <summary>
/// TRPO's backtracking line search (Schulman et al. 2015, appendix C): the quadratic model of the
/// KL is only a model, so the full natural step d may overshoot. Try
/// <code>
///   theta_j = theta_old + ratio^j d,   j = 0, 1, ..., tries - 1      (ratio 0.8, 10 tries)
/// </code>
/// and accept the first whose measured mean KL is at most delta and whose surrogate improves,
/// L(theta_j) - L(theta_old) &gt; 0; if none does, stay at theta_old.
/// </summary>
public static class LineSearch
{
    /// <summary>
    /// Runs the search. <paramref name="evaluate"/> sets the policy's parameters to the given theta
    /// and returns the surrogate gain L(theta) - L(theta_old) and the mean KL there; on rejection it
    /// is called once more with theta_old, so the policy is left where the search ended.
    /// </summary>
    public static LineSearchResult Run(ReadOnlySpan<double> start, ReadOnlySpan<double> fullStep,
        Func<double[], (double Gain, double Kl)> evaluate, double delta, double ratio = 0.8, int tries = 10)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        Guard.Length(fullStep.Length, start.Length, nameof(fullStep), "one entry per parameter, like start");
        if (!(delta > 0 && double.IsFinite(delta))) throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must be a positive finite number.");
        if (!(ratio > 0 && ratio < 1)) throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "ratio must be in (0, 1).");
        Guard.AtLeast(tries, 1, nameof(tries));
        var theta = new double[start.Length];
        double fraction = 1.0, gain = 0.0, kl = 0.0;
        for (int j = 0; j < tries; j++, fraction *= ratio)
        {
            for (int i = 0; i < theta.Length; i++) theta[i] = start[i] + fraction * fullStep[i];
            (gain, kl) = evaluate(theta);
            if (kl <= delta && gain > 0) return new LineSearchResult(true, j, fraction, gain, kl);
        }
        evaluate(start.ToArray());
        return new LineSearchResult(false, tries, 0.0, gain, kl);
    }
}

/// <summary>The outcome of a line search.</summary>
/// <param name="Accepted">Whether some step met both conditions.</param>
/// <param name="Backtracks">Shrinkings before the accepted step (tries when none was accepted).</param>
/// <param name="Fraction">ratio^j of the accepted step; 0 when rejected.</param>
/// <param name="Gain">L(theta) - L(theta_old) of the last step tried.</param>
/// <param name="Kl">Mean KL of the last step tried.</param>
public readonly record struct LineSearchResult(bool Accepted, int Backtracks, double Fraction, double Gain, double Kl);
