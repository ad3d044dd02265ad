using Rl.Random;

namespace Rl.Environments;

/// <summary>
/// Gymnasium's Pendulum swing-up, in double precision: a rod hinged at one end, a torque u on the
/// hinge, and a cost for being away from upright, for speed, and for torque. It never terminates;
/// wrapped in a 200-step <see cref="TimeLimit{TObservation, TAction}"/> it is <c>Pendulum-v1</c>
/// (<see cref="Gym.Make{TAction}"/>), the kit's continuous-action task.
/// </summary>
/// <remarks>
/// <para>Observation <c>[cos theta, sin theta, theta_dot]</c> (see <see cref="PendulumState"/>); the
/// action is a one-element array holding the torque, clipped to [<see cref="ActionLow"/>,
/// <see cref="ActionHigh"/>] before use, so a Gaussian policy may propose any finite number.</para>
/// <para>Differences from Gymnasium: observations are doubles (Gymnasium casts them to float32), the
/// generator is the kit's <see cref="Rng"/>, g is fixed at 10 (Gymnasium's default), and a NaN or
/// infinite torque throws instead of being clipped or propagated.</para>
/// </remarks>
public sealed class Pendulum : IEnvironment<double[], double[]>
{
    /// <summary>Bound on |theta_dot| in rad/s after each step (<c>max_speed</c>).</summary>
    public const double MaxSpeed = 8.0;

    /// <summary>Bound on |u| in N m (<c>max_torque</c>).</summary>
    public const double MaxTorque = 2.0;

    /// <summary>The smallest torque the environment applies: a Gaussian policy's lower clip.</summary>
    public const double ActionLow = -MaxTorque;

    /// <summary>The largest torque the environment applies: a Gaussian policy's upper clip.</summary>
    public const double ActionHigh = MaxTorque;

    /// <summary>dt, the seconds between two states (<c>dt</c>).</summary>
    public const double Dt = 0.05;

    /// <summary>g, gravitational acceleration in m/s^2 (<c>g</c>, Gymnasium's default).</summary>
    public const double Gravity = 10.0;

    /// <summary>m, the mass in kg (<c>m</c>).</summary>
    public const double Mass = 1.0;

    /// <summary>l, the rod's length in m (<c>l</c>).</summary>
    public const double Length = 1.0;

    private const double TwoPi = 2 * Math.PI;

    private readonly Rng _rng;
    private PendulumState _state;
    private bool _started;

    /// <summary>A pendulum whose generator starts the stream <paramref name="seed"/> names; call
    /// <see cref="Reset(ulong)"/> or set <see cref="State"/> before the first step.</summary>
    public Pendulum(ulong seed = 0) => _rng = new Rng(seed);

    /// <summary>
    /// The current physical state. Setting it starts an episode from the given state, so a notebook
    /// can roll out from any state it chooses (for example hanging straight down: theta = pi).
    /// </summary>
    /// <exception cref="ArgumentException">A component is NaN or infinite.</exception>
    public PendulumState State
    {
        get => _state;
        set
        {
            if (!(double.IsFinite(value.Theta) && double.IsFinite(value.ThetaDot)))
                throw new ArgumentException($"every component must be finite, got {value}.", nameof(value));
            _state = value;
            _started = true;
        }
    }

    /// <inheritdoc />
    public double[] Reset(ulong seed)
    {
        _rng.Reseed(seed);
        return Reset();
    }

    /// <summary>
    /// Starts an episode, continuing the generator's stream: theta uniform on [-pi, pi), then
    /// theta_dot uniform on [-1, 1).
    /// </summary>
    public double[] Reset()
    {
        double theta = _rng.Uniform(-Math.PI, Math.PI);
        double thetaDot = _rng.Uniform(-1.0, 1.0);
        _state = new PendulumState(theta, thetaDot);
        _started = true;
        return _state.ToObservation();
    }

    /// <summary>
    /// Applies the torque <c>action[0]</c> for dt = 0.05 s.
    /// </summary>
    /// <remarks>
    /// Gymnasium's Pendulum-v1, with the reward computed from the OLD state and the clipped torque:
    /// <code>
    /// u         = clip(action[0], -2, 2)
    /// cost      = angle_normalize(theta)^2 + 0.1 theta_dot^2 + 0.001 u^2,   reward = -cost
    /// theta_dot' = clip(theta_dot + (3 g / (2 l) sin theta + 3 / (m l^2) u) dt, -8, 8)
    /// theta'     = theta + theta_dot' dt      (the NEW velocity: semi-implicit Euler)
    /// </code>
    /// The reward lies in [-16.2736044, 0]; it is 0 only upright, at rest, with no torque.
    /// </remarks>
    /// <returns>The new observation (a fresh array) and -cost; never terminated, never truncated.</returns>
    /// <exception cref="ArgumentException"><paramref name="action"/> does not have length 1, or is
    /// NaN or infinite.</exception>
    /// <exception cref="InvalidOperationException">Before the first reset.</exception>
    public StepResult<double[]> Step(double[] action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Guard.Length(action.Length, 1, nameof(action), "Pendulum's action is the torque alone");
        Guard.Finite(action[0], nameof(action));
        if (!_started) throw new InvalidOperationException("Call Reset (or set State) before the first Step.");

        var (theta, thetaDot) = _state;
        double u = Math.Clamp(action[0], -MaxTorque, MaxTorque);
        double normalized = AngleNormalize(theta);
        double cost = normalized * normalized + 0.1 * (thetaDot * thetaDot) + 0.001 * (u * u);

        double newThetaDot = thetaDot + (3 * Gravity / (2 * Length) * Math.Sin(theta) + 3.0 / (Mass * (Length * Length)) * u) * Dt;
        newThetaDot = Math.Clamp(newThetaDot, -MaxSpeed, MaxSpeed);
        double newTheta = theta + newThetaDot * Dt;
        _state = new PendulumState(newTheta, newThetaDot);

        return new StepResult<double[]>(_state.ToObservation(), -cost, Terminated: false, Truncated: false);
    }

    /// <summary>
    /// Gymnasium's <c>angle_normalize(x) = ((x + pi) % (2 pi)) - pi</c>: the angle wrapped into
    /// [-pi, pi), with Python's FLOORED modulo (the result takes the divisor's sign).
    /// </summary>
    /// <remarks>
    /// C#'s <c>%</c> truncates toward zero instead, so on its own it would leave
    /// angle_normalize(-3.5) at -3.5. As CPython and NumPy do, take the exact truncated remainder
    /// and add 2 pi when it is negative; this gives their result bit for bit (pi and -pi both map
    /// to -pi), where x - 2 pi floor((x + pi) / (2 pi)) can differ in the last bit.
    /// </remarks>
    internal static double AngleNormalize(double x)
    {
        double remainder = (x + Math.PI) % TwoPi; // truncated: the sign of x + pi, and exact
        if (remainder < 0) remainder += TwoPi;    // floored: the sign of 2 pi
        return remainder - Math.PI;
    }

    /// <inheritdoc />
    public EnvironmentSnapshot Snapshot() => new PendulumSnapshot(_state, _rng.State, _started);

    /// <inheritdoc />
    public void Restore(EnvironmentSnapshot snapshot)
    {
        if (snapshot is not PendulumSnapshot s)
            throw new ArgumentException($"expected a Pendulum snapshot, got {snapshot?.GetType().Name ?? "null"}.", nameof(snapshot));
        _state = s.State;
        _rng.State = s.Rng;
        _started = s.Started;
    }

    /// <inheritdoc />
    public void Reseed(ulong seed) => _rng.Reseed(seed);

    private sealed record PendulumSnapshot(PendulumState State, RngState Rng, bool Started) : EnvironmentSnapshot;
}
