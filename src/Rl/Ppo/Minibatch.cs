namespace Rl.Ppo;

/// <summary>One minibatch gathered from the rollout buffer, with room for its losses' gradients.</summary>
public sealed class Minibatch
{
    /// <summary>Room for <paramref name="size"/> samples.</summary>
    public Minibatch(int size, int observationSize, int actionSize, int outputSize)
    {
        Guard.AtLeast(size, 1, nameof(size));
        Size = size;
        ObservationSize = observationSize;
        ActionSize = actionSize;
        Observations = new double[size * observationSize];
        Actions = new double[size * actionSize];
        OldLogProbabilities = new double[size];
        Advantages = new double[size];
        Targets = new double[size];
        OldValues = new double[size];
        LogProbabilities = new double[size];
        Entropies = new double[size];
        LogProbabilityGradients = new double[size];
        OutputGradients = new double[size * outputSize];
        ValueGradients = new double[size];
    }

    /// <summary>B, samples in the minibatch.</summary>
    public int Size { get; }

    /// <summary>Doubles per observation.</summary>
    public int ObservationSize { get; }

    /// <summary>Doubles per stored action.</summary>
    public int ActionSize { get; }

    /// <summary>[B x obs] s_i.</summary>
    public double[] Observations { get; }

    /// <summary>[B x act] a_i as sampled.</summary>
    public double[] Actions { get; }

    /// <summary>[B] log pi_theta_t(a_i | s_i), from the rollout.</summary>
    public double[] OldLogProbabilities { get; }

    /// <summary>[B] A^gae_i, normalised in place if configured.</summary>
    public double[] Advantages { get; }

    /// <summary>[B] y_i = A^gae_i + V_omega_t(s_i).</summary>
    public double[] Targets { get; }

    /// <summary>[B] V_omega_t(s_i), from the rollout (the centre of the value clip).</summary>
    public double[] OldValues { get; }

    /// <summary>[B] log pi_theta(a_i | s_i) under the current parameters.</summary>
    public double[] LogProbabilities { get; }

    /// <summary>[B] H(pi_theta(. | s_i)) under the current parameters.</summary>
    public double[] Entropies { get; }

    /// <summary>[B] d l_pi / d log pi_theta(a_i | s_i).</summary>
    public double[] LogProbabilityGradients { get; }

    /// <summary>[B x out] d l / d actor outputs.</summary>
    public double[] OutputGradients { get; }

    /// <summary>[B] c_1 d l_V / d V_omega(s_i).</summary>
    public double[] ValueGradients { get; }

    /// <summary>Copies the samples at <paramref name="indices"/> (into the [S x N] buffer) into this minibatch.</summary>
    public void Gather(RolloutBuffer buffer, ReadOnlySpan<int> indices)
    {
        int obs = ObservationSize, act = ActionSize;
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            buffer.Observations.AsSpan(j * obs, obs).CopyTo(Observations.AsSpan(i * obs, obs));
            buffer.Actions.AsSpan(j * act, act).CopyTo(Actions.AsSpan(i * act, act));
            OldLogProbabilities[i] = buffer.LogProbabilities[j];
            Advantages[i] = buffer.Advantages[j];
            Targets[i] = buffer.Targets[j];
            OldValues[i] = buffer.Values[j];
        }
    }
}
