namespace Rl.Environments;

/// <summary>
/// The physical state of a <see cref="CartPole"/>: Gymnasium's <c>(x, x_dot, theta, theta_dot)</c>,
/// which is also the observation, in that order.
/// </summary>
/// <param name="X">Cart position x, in metres; 0 is the centre of the track.</param>
/// <param name="XDot">Cart velocity x_dot, in metres per second; positive is to the right.</param>
/// <param name="Theta">Pole angle theta from upright, in radians; positive leans right.</param>
/// <param name="ThetaDot">Pole angular velocity theta_dot, in radians per second.</param>
public readonly record struct CartPoleState(double X, double XDot, double Theta, double ThetaDot)
{
    /// <summary>The observation of this state: <c>[x, x_dot, theta, theta_dot]</c>, a fresh array.</summary>
    public double[] ToObservation() => [X, XDot, Theta, ThetaDot];
}
