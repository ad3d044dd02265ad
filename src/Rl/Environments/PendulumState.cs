namespace Rl.Environments;

/// <summary>
/// The physical state of a <see cref="Pendulum"/>: Gymnasium's <c>(th, thdot)</c>. The agent does not
/// see theta itself but <c>[cos theta, sin theta, theta_dot]</c>, which has no jump at +-pi.
/// </summary>
/// <param name="Theta">Angle theta in radians, 0 upright, counter-clockwise positive; not wrapped,
/// so it can grow past +-pi as the pendulum spins.</param>
/// <param name="ThetaDot">Angular velocity theta_dot in radians per second, within +-8 after a step.</param>
public readonly record struct PendulumState(double Theta, double ThetaDot)
{
    /// <summary>The observation of this state: <c>[cos theta, sin theta, theta_dot]</c>, a fresh array.</summary>
    public double[] ToObservation() => [Math.Cos(Theta), Math.Sin(Theta), ThetaDot];
}
