using Rl.Random;

namespace Rl.Environments;

/// <summary>
/// Gymnasium's CartPole (Barto, Sutton and Anderson, 1983), in double precision: a pole hinged on a
/// cart that moves along a frictionless track; each step pushes the cart left or right with a fixed
/// force, and the reward is 1 for every step the pole stays up. Wrapped in a 500-step
/// <see cref="TimeLimit{TObservation, TAction}"/> it is <c>CartPole-v1</c> (<see cref="Gym.Make{TAction}"/>).
/// </summary>
/// <remarks>
/// <para>Observation <c>[x, x_dot, theta, theta_dot]</c> (see <see cref="CartPoleState"/>); actions
/// 0 (push left, force -10 N) and 1 (push right, force +10 N).</para>
/// <para>The episode terminates when the cart leaves the track, |x| &gt; 2.4, or the pole falls past
/// 12 degrees, |theta| &gt; 12 * 2 pi / 360; a state exactly on a threshold is still alive. The step
/// that terminates also pays 1.</para>
/// <para>Differences from Gymnasium: observations are doubles (Gymnasium casts them to float32), the
/// generator is the kit's <see cref="Rng"/> (so a seed gives different numbers than NumPy's), and
/// stepping a terminated episode throws <see cref="InvalidOperationException"/> where Gymnasium
/// warns once and pays 0 ("undefined behavior").</para>
/// </remarks>
public sealed class CartPole : IEnvironment<double[], int>
{
    /// <summary>g, gravitational acceleration in m/s^2 (<c>gravity</c>).</summary>
    public const double Gravity = 9.8;

    /// <summary>m_c, mass of the cart in kg (<c>masscart</c>).</summary>
    public const double MassCart = 1.0;

    /// <summary>m_p, mass of the pole in kg (<c>masspole</c>).</summary>
    public const double MassPole = 0.1;

    /// <summary>m_c + m_p in kg (<c>total_mass</c>).</summary>
    public const double TotalMass = MassPole + MassCart;

    /// <summary>l, HALF the pole's length in m (<c>length</c>): the distance from hinge to centre of mass.</summary>
    public const double Length = 0.5;

    /// <summary>m_p * l (<c>polemass_length</c>).</summary>
    public const double PoleMassLength = MassPole * Length;

    /// <summary>|F|, the push of either action in N (<c>force_mag</c>).</summary>
    public const double ForceMagnitude = 10.0;

    /// <summary>tau, the seconds between two states (<c>tau</c>): the Euler step size.</summary>
    public const double Tau = 0.02;

    /// <summary>The episode terminates when |x| exceeds this, in m (<c>x_threshold</c>).</summary>
    public const double XThreshold = 2.4;

    /// <summary>The episode terminates when |theta| exceeds 12 degrees (<c>theta_threshold_radians</c>),
    /// computed as Gymnasium does, 12 * 2 * pi / 360, so the threshold is the same double.</summary>
    public const double ThetaThresholdRadians = 12 * 2 * Math.PI / 360;

    /// <summary>Each reset draws every state variable uniformly from [-ResetBound, ResetBound).</summary>
    public const double ResetBound = 0.05;

    private readonly Rng _rng;
    private CartPoleState _state;
    private Phase _phase = Phase.NotStarted;

    /// <summary>A cart-pole whose generator starts the stream <paramref name="seed"/> names; call
    /// <see cref="Reset(ulong)"/> or set <see cref="State"/> before the first step.</summary>
    public CartPole(ulong seed = 0) => _rng = new Rng(seed);

    /// <summary>
    /// The current physical state. Setting it starts an episode from the given state (a terminated
    /// episode becomes steppable again), so a notebook can roll out from any state it chooses.
    /// </summary>
    /// <exception cref="ArgumentException">A component is NaN or infinite.</exception>
    public CartPoleState State
    {
        get => _state;
        set
        {
            if (!(double.IsFinite(value.X) && double.IsFinite(value.XDot)
                  && double.IsFinite(value.Theta) && double.IsFinite(value.ThetaDot)))
                throw new ArgumentException($"every component must be finite, got {value}.", nameof(value));
            _state = value;
            _phase = Phase.Running;
        }
    }

    /// <inheritdoc />
    public double[] Reset(ulong seed)
    {
        _rng.Reseed(seed);
        return Reset();
    }

    /// <summary>
    /// Starts an episode, continuing the generator's stream: x, x_dot, theta and theta_dot, in that
    /// order, each uniform on [-0.05, 0.05).
    /// </summary>
    public double[] Reset()
    {
        double x = _rng.Uniform(-ResetBound, ResetBound);
        double xDot = _rng.Uniform(-ResetBound, ResetBound);
        double theta = _rng.Uniform(-ResetBound, ResetBound);
        double thetaDot = _rng.Uniform(-ResetBound, ResetBound);
        _state = new CartPoleState(x, xDot, theta, thetaDot);
        _phase = Phase.Running;
        return _state.ToObservation();
    }

    /// <summary>
    /// Pushes the cart and advances tau = 0.02 s with Gymnasium's explicit Euler step.
    /// </summary>
    /// <remarks>
    /// With F = +10 for action 1 and -10 for action 0 (Florian, 2007, "Correct equations for the
    /// dynamics of the cart-pole system", frictionless):
    /// <code>
    /// temp     = (F + m_p l theta_dot^2 sin theta) / (m_c + m_p)
    /// thetaacc = (g sin theta - cos theta temp) / (l (4/3 - m_p cos^2 theta / (m_c + m_p)))
    /// xacc     = temp - m_p l thetaacc cos theta / (m_c + m_p)
    /// x         += tau x_dot        (the OLD velocity: explicit Euler, Gymnasium's "euler")
    /// x_dot     += tau xacc
    /// theta     += tau theta_dot    (the OLD angular velocity)
    /// theta_dot += tau thetaacc
    /// </code>
    /// Products are grouped as Gymnasium's Python groups them, so each rounding is the same.
    /// </remarks>
    /// <returns>The new observation (a fresh array), reward 1, terminated when the new state is off
    /// the track or the pole is past 12 degrees; never truncated (that is the time limit's job).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="action"/> is not 0 or 1.</exception>
    /// <exception cref="InvalidOperationException">No episode is running: before the first reset, or
    /// after a terminal step without a reset.</exception>
    public StepResult<double[]> Step(int action)
    {
        if ((uint)action > 1u)
            throw new ArgumentOutOfRangeException(nameof(action), action, "CartPole's actions are 0 (push left) and 1 (push right).");
        if (_phase != Phase.Running) throw new InvalidOperationException(_phase == Phase.NotStarted
            ? "Call Reset (or set State) before the first Step."
            : "The episode has terminated; call Reset before stepping again (Gymnasium calls further steps undefined behavior).");

        var (x, xDot, theta, thetaDot) = _state;
        double force = action == 1 ? ForceMagnitude : -ForceMagnitude;
        double cosTheta = Math.Cos(theta);
        double sinTheta = Math.Sin(theta);

        double temp = (force + PoleMassLength * (thetaDot * thetaDot) * sinTheta) / TotalMass;
        double thetaAcc = (Gravity * sinTheta - cosTheta * temp)
                          / (Length * (4.0 / 3.0 - MassPole * (cosTheta * cosTheta) / TotalMass));
        double xAcc = temp - PoleMassLength * thetaAcc * cosTheta / TotalMass;

        x += Tau * xDot;
        xDot += Tau * xAcc;
        theta += Tau * thetaDot;
        thetaDot += Tau * thetaAcc;
        _state = new CartPoleState(x, xDot, theta, thetaDot);

        bool terminated = x < -XThreshold || x > XThreshold
                          || theta < -ThetaThresholdRadians || theta > ThetaThresholdRadians;
        if (terminated) _phase = Phase.Terminated;
        return new StepResult<double[]>(_state.ToObservation(), 1.0, terminated, Truncated: false);
    }

    /// <inheritdoc />
    public EnvironmentSnapshot Snapshot() => new CartPoleSnapshot(_state, _rng.State, _phase);

    /// <inheritdoc />
    public void Restore(EnvironmentSnapshot snapshot)
    {
        if (snapshot is not CartPoleSnapshot s)
            throw new ArgumentException($"expected a CartPole snapshot, got {snapshot?.GetType().Name ?? "null"}.", nameof(snapshot));
        _state = s.State;
        _rng.State = s.Rng;
        _phase = s.Phase;
    }

    /// <inheritdoc />
    public void Reseed(ulong seed) => _rng.Reseed(seed);

    private enum Phase { NotStarted, Running, Terminated }

    private sealed record CartPoleSnapshot(CartPoleState State, RngState Rng, Phase Phase) : EnvironmentSnapshot;
}
