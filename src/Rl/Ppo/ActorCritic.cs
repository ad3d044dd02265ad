using Rl.Environments;
using Rl.Nn;
using Rl.Random;

namespace Rl.Ppo;

/// <summary>
/// The two learned functions of PPO (lecture item 8): the policy pi_theta (an actor MLP whose outputs
/// feed an <see cref="ActionHead"/>) and the value estimate V_omega (a separate critic MLP), both
/// obs -&gt; 64 tanh -&gt; 64 tanh -&gt; out by default. Orthogonal initialisation with gain sqrt(2) for
/// hidden layers, 0.01 for the policy's output (the first policy is near uniform) and 1 for the
/// value's output; biases start at 0.
/// </summary>
public sealed class ActorCritic
{
    /// <summary>Gain of the policy head's output layer: small, so pi_theta_0 is near uniform.</summary>
    public const double PolicyOutputGain = 0.01;

    /// <summary>Gain of the value head's output layer.</summary>
    public const double ValueOutputGain = 1.0;

    /// <summary>Networks for <paramref name="spec"/>'s spaces, initialised from <paramref name="rng"/>.</summary>
    public ActorCritic(EnvironmentSpec spec, IReadOnlyList<int> hiddenSizes, Rng rng)
        : this(spec, hiddenSizes)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Actor.InitializeOrthogonal(PolicyOutputGain, rng);
        Critic.InitializeOrthogonal(ValueOutputGain, rng);
    }

    /// <summary>Networks of the right shapes with every parameter 0 (to be loaded).</summary>
    internal ActorCritic(EnvironmentSpec spec, IReadOnlyList<int> hiddenSizes)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(hiddenSizes);
        Spec = spec;
        HiddenSizes = [.. hiddenSizes];
        Head = spec.ActionSpace switch
        {
            DiscreteActionSpace discrete => new CategoricalHead(discrete.Count),
            ContinuousActionSpace continuous => new GaussianHead(continuous.Dimension),
            var space => throw new NotSupportedException($"action space {space}"),
        };
        Actor = new Mlp([spec.ObservationSize, .. hiddenSizes, Head.OutputSize]);
        Critic = new Mlp([spec.ObservationSize, .. hiddenSizes, 1]);
    }

    /// <summary>The environment these networks were made for.</summary>
    public EnvironmentSpec Spec { get; }

    /// <summary>Hidden layer sizes, shared by actor and critic.</summary>
    public IReadOnlyList<int> HiddenSizes { get; }

    /// <summary>pi_theta's network: observation -&gt; the head's outputs (logits or mean).</summary>
    public Mlp Actor { get; }

    /// <summary>V_omega: observation -&gt; value.</summary>
    public Mlp Critic { get; }

    /// <summary>The distribution the actor's outputs parameterise.</summary>
    public ActionHead Head { get; }

    /// <summary>The most likely action for one observation (deterministic evaluation).</summary>
    public void Act(ReadOnlySpan<double> observation, Span<double> action)
    {
        Span<double> outputs = stackalloc double[Head.OutputSize];
        Actor.ForwardRow(observation, outputs);
        Head.Mode(outputs, action);
    }

    /// <summary>V_omega(s) of one observation.</summary>
    public double Value(ReadOnlySpan<double> observation)
    {
        Span<double> value = stackalloc double[1];
        Critic.ForwardRow(observation, value);
        return value[0];
    }
}
