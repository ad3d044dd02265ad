namespace Rl.Nn;

/// <summary>
/// Checks analytic gradients against finite differences, the test every backward pass must pass.
/// It uses the five-point central difference
/// <code>
///   dL/dtheta_i ~ [8 (L(theta + h e_i) - L(theta - h e_i)) - (L(theta + 2h e_i) - L(theta - 2h e_i))] / (12 h)
/// </code>
/// rather than the two-point one, <c>(L(theta + h e_i) - L(theta - h e_i)) / (2 h)</c>.
/// </summary>
/// <remarks>
/// Why: a finite difference has two errors. Truncation, which the two-point formula leaves at
/// O(h^2) and the five-point one at O(h^4); and rounding, about 1e-16 |L| / h, which grows as h
/// shrinks. The two-point formula is best near h = 1e-5 and then still off by about 1e-10 |L|,
/// too much to check a gradient entry of 1e-5 to 1e-6 relative. The five-point formula can take
/// h = 1e-3, where both errors are near 1e-13 |L|.
/// </remarks>
public static class GradientCheck
{
    /// <summary>
    /// The five-point central-difference gradient of <paramref name="loss"/> with respect to every
    /// entry of <paramref name="parameters"/>. <paramref name="loss"/> must read the parameters from
    /// the same memory; each entry is nudged by -2h, -h, +h, +2h in turn and then restored exactly.
    /// </summary>
    public static double[] CentralDifferences(Span<double> parameters, Func<double> loss, double step = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (!(step > 0.0) || double.IsInfinity(step)) throw new ArgumentOutOfRangeException(nameof(step), step, "step must be positive and finite.");
        var gradient = new double[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            double original = parameters[i];
            double LossAt(Span<double> p, double offset) { p[i] = original + offset; return loss(); }
            double near = LossAt(parameters, step) - LossAt(parameters, -step);
            double far = LossAt(parameters, 2 * step) - LossAt(parameters, -2 * step);
            parameters[i] = original;
            gradient[i] = (8 * near - far) / (12 * step);
        }
        return gradient;
    }

    /// <summary>
    /// The worst entrywise relative error, <c>max_i |a_i - n_i| / max(|a_i|, |n_i|, floor)</c>. The
    /// floor keeps entries that are zero in both from dividing by zero; below it the error is
    /// measured in units of the floor. NaN anywhere gives NaN, which no threshold accepts.
    /// </summary>
    public static double MaxRelativeError(ReadOnlySpan<double> analytic, ReadOnlySpan<double> numerical, double floor = 1e-8)
    {
        Guard.Length(numerical.Length, analytic.Length, nameof(numerical), "one entry per analytic entry");
        if (!(floor > 0.0)) throw new ArgumentOutOfRangeException(nameof(floor), floor, "floor must be positive.");
        double worst = 0.0;
        for (int i = 0; i < analytic.Length; i++)
        {
            double scale = Math.Max(Math.Max(Math.Abs(analytic[i]), Math.Abs(numerical[i])), floor);
            double error = Math.Abs(analytic[i] - numerical[i]) / scale;
            if (double.IsNaN(error)) return double.NaN;
            worst = Math.Max(worst, error);
        }
        return worst;
    }
}
