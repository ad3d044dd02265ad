namespace Rl.Ppo;

/// <summary>
/// What one rollout of N environments for S steps collects, and what PPO derives from it. Every
/// per-sample array is flat [S x N] (entry of step t, environment e at t * N + e); observations and
/// actions add their own width: [S x N x obs] and [S x N x act].
/// </summary>
public sealed class RolloutBuffer
{
    /// <summary>Room for <paramref name="steps"/> x <paramref name="environments"/> samples.</summary>
    public RolloutBuffer(int steps, int environments, int observationSize, int actionSize)
    {
        Guard.AtLeast(steps, 1, nameof(steps));
        Guard.AtLeast(environments, 1, nameof(environments));
        Steps = steps;
        Environments = environments;
        ObservationSize = observationSize;
        ActionSize = actionSize;
        int samples = steps * environments;
        Observations = new double[samples * observationSize];
        Actions = new double[samples * actionSize];
        LogProbabilities = new double[samples];
        Rewards = new double[samples];
        Terminated = new bool[samples];
        Truncated = new bool[samples];
        Values = new double[samples];
        TruncationValues = new double[samples];
        LastValues = new double[environments];
        Advantages = new double[samples];
        Targets = new double[samples];
    }

    /// <summary>S, steps per environment.</summary>
    public int Steps { get; }

    /// <summary>N, environments.</summary>
    public int Environments { get; }

    /// <summary>Doubles per observation.</summary>
    public int ObservationSize { get; }

    /// <summary>Doubles per stored action.</summary>
    public int ActionSize { get; }

    /// <summary>S x N.</summary>
    public int Count => Steps * Environments;

    /// <summary>[S x N x obs] s_t.</summary>
    public double[] Observations { get; }

    /// <summary>[S x N x act] a_t as sampled (continuous actions unclipped).</summary>
    public double[] Actions { get; }

    /// <summary>[S x N] log pi_theta_t(a_t | s_t), the "old" log-probabilities of the ratio.</summary>
    public double[] LogProbabilities { get; }

    /// <summary>[S x N] r_t.</summary>
    public double[] Rewards { get; }

    /// <summary>[S x N] s_{t+1} was terminal.</summary>
    public bool[] Terminated { get; }

    /// <summary>[S x N] the episode was cut off (time limit) after step t.</summary>
    public bool[] Truncated { get; }

    /// <summary>[S x N] V_omega_t(s_t).</summary>
    public double[] Values { get; }

    /// <summary>[S x N] V_omega_t(final observation) where truncated; 0 elsewhere.</summary>
    public double[] TruncationValues { get; }

    /// <summary>[N] V_omega_t(s_S), the state after the last step.</summary>
    public double[] LastValues { get; }

    /// <summary>[S x N] A^gae_t (lecture item 7, batched).</summary>
    public double[] Advantages { get; }

    /// <summary>[S x N] y_t = A^gae_t + V(s_t): the regression dataset's targets.</summary>
    public double[] Targets { get; }
}
