namespace Rl.NaturalGradient;

/// <summary>
/// The natural step's length. Maximising the linear model g^T d of the surrogate subject to the
/// quadratic model of the trust region, (1/2) d^T F d &lt;= delta, gives d = eta x along the natural
/// gradient x = F^-1 g, with the step on the region's edge:
/// <code>
///   (1/2) eta^2 x^T F x = delta    =>    eta = sqrt(2 delta / (x^T F x))
/// </code>
/// The 2 comes from the 1/2 of the quadratic model, the square root from the KL being quadratic in
/// the step. With x = F^-1 g exactly, x^T F x = g^T F^-1 g, so eta is the inverse of the natural
/// gradient's F-norm, scaled: the step's KL is delta whatever the scale of g.
/// </summary>
public static class NaturalStep
{
    /// <summary>eta = sqrt(2 delta / x^T F x), given <paramref name="curvature"/> = x^T F x.</summary>
    public static double Size(double delta, double curvature)
    {
        if (!(delta > 0 && double.IsFinite(delta)))
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must be a positive finite number.");
        if (!(curvature > 0 && double.IsFinite(curvature)))
            throw new ArgumentOutOfRangeException(nameof(curvature), curvature, "curvature x^T F x must be a positive finite number (F positive definite, x nonzero).");
        // BEGIN SOLUTION: eta solves (1/2) eta^2 x^T F x = delta.
        return Math.Sqrt(2 * delta / curvature);
        // END SOLUTION
    }
}
