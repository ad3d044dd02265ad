using System.Runtime.CompilerServices;

namespace Rl.Advantages;

/// <summary>
/// Generalized advantage estimation (Schulman et al., 2016), lecture items 6 and 7: an exponential
/// average of the n-step estimators, which equals a discounted sum of Bellman errors with the new
/// discount factor gamma lambda:
/// <code>
///   A^gae_h = (1 - lambda) (A^(1)_h + lambda A^(2)_h + lambda^2 A^(3)_h + ...)
///           = sum_{l&gt;=0} (gamma lambda)^l BE_{h+l}
/// </code>
/// lambda trades bias for variance: lambda = 0 gives BE_h = A^(1) (low variance, biased by V);
/// lambda = 1 gives the Monte Carlo return minus V(s_h) = A^(inf) (unbiased for the policy gradient,
/// high variance).
/// </summary>
public static class Gae
{
    /// <summary>
    /// A^gae_0 .. A^gae_{H-1} straight from the definition on a finite trajectory, O(H^2): the
    /// exponential average of A^(1) .. A^(H-h), where the weight the infinite average puts past the
    /// end falls on the longest estimator:
    /// <code>
    ///   A^gae_h = (1 - lambda) sum_{k=1}^{H-h-1} lambda^(k-1) A^(k)_h + lambda^(H-h-1) A^(H-h)_h
    /// </code>
    /// (the weights sum to 1). The reference that <see cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, double, double)"/>
    /// is tested against; too slow for training.
    /// </summary>
    public static double[] ByDefinition(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, double gamma, double lambda)
    {
        Trajectories.Validate(rewards, values, gamma);
        Guard.UnitInterval(lambda, nameof(lambda));
        int horizon = rewards.Length;
        var advantages = new double[horizon];
        Span<double> nStep = new double[horizon]; // A^(1)_h .. A^(H-h)_h
        for (int h = 0; h < horizon; h++)
        {
            int longest = horizon - h;
            NStep.Series(rewards, values, gamma, h, nStep[..longest]);
            double average = 0.0;
            double lambdaPower = 1.0; // lambda^(k-1)
            for (int k = 1; k < longest; k++)
            {
                average += (1.0 - lambda) * lambdaPower * nStep[k - 1];
                lambdaPower *= lambda;
            }
            advantages[h] = average + lambdaPower * nStep[longest - 1];
        }
        return advantages;
    }

    /// <summary>
    /// A^gae_0 .. A^gae_{H-1} by the backward recursion of lecture item 7, one pass, O(H):
    /// <code>
    ///   A^gae_{H-1} = BE_{H-1};   A^gae_h = BE_h + gamma lambda A^gae_{h+1}
    /// </code>
    /// rewards r_0 .. r_{H-1}; values V(s_0) .. V(s_H), where V(s_H) is the bootstrap value (0 if the
    /// episode terminated, V of the last state if it was truncated or cut off).
    /// </summary>
    public static double[] Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, double gamma, double lambda)
    {
        var advantages = new double[rewards.Length];
        Compute(rewards, values, gamma, lambda, advantages);
        return advantages;
    }

    /// <summary>
    /// Writes A^gae_0 .. A^gae_{H-1} into <paramref name="advantages"/> (length H) without allocating.
    /// If an argument is rejected, <paramref name="advantages"/> may have been written.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, double gamma, double lambda, Span<double> advantages)
    {
        Guard.NotEmpty(rewards, nameof(rewards));
        Guard.Length(values.Length, rewards.Length + 1, nameof(values),
            "V(s_0) .. V(s_H): one more than rewards, the last being the bootstrap value V(s_H)");
        Guard.UnitInterval(gamma, nameof(gamma));
        Guard.UnitInterval(lambda, nameof(lambda));
        Guard.Length(advantages.Length, rewards.Length, nameof(advantages), "one advantage per reward");

        // BEGIN SOLUTION: run backwards from h = H - 1: A_h = BE_h + gamma lambda A_{h+1}, with A_H = 0 (use BellmanErrors.Of and Recurse).
        double gammaLambda = gamma * lambda;
        double next = 0.0; // A^gae_H: nothing lies past the end
        for (int h = rewards.Length - 1; h >= 0; h--)
        {
            next = Recurse(BellmanErrors.Of(rewards[h], values[h], values[h + 1], gamma), gammaLambda, next);
            advantages[h] = next;
        }
        // A NaN or infinity anywhere in the input makes its Bellman error non-finite, and the
        // recursion carries that down to A_0 (0 * inf and 0 * NaN are NaN). So one check of A_0 after
        // the loop validates every input for free; only then are the inputs scanned to name the culprit.
        if (!double.IsFinite(next)) Trajectories.ThrowNonFinite(rewards, values);
        // END SOLUTION
    }

    /// <summary>
    /// One step of the backward recursion, A_h = BE_h + gamma lambda A_{h+1}: shared by the
    /// single-trajectory and the batched estimator.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Recurse(double bellmanError, double gammaLambda, double nextAdvantage)
    {
        // BEGIN SOLUTION: return BE_h + gamma lambda A_{h+1}.
        return Math.FusedMultiplyAdd(gammaLambda, nextAdvantage, bellmanError);
        // END SOLUTION
    }
}
