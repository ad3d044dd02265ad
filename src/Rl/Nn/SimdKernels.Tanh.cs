using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rl.Nn;

/// <content>tanh in vectors: a rational fit near 0, an inlined exp elsewhere.</content>
public static partial class SimdKernels
{
    /// <summary>Same as <see cref="ScalarKernels.Tanh"/>: <c>y = tanh x</c>, W lanes at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tanh(ReadOnlySpan<double> x, Span<double> y)
    {
        if (Vector512.IsHardwareAccelerated) Tanh<Vector512Lanes, Vector512<double>>(x, y);
        else Tanh<PortableLanes, Vector<double>>(x, y);
    }

    /// <summary><see cref="Tanh"/> at the width of <typeparamref name="TLanes"/>; the last x.Length mod W by <see cref="Math.Tanh"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    internal static void Tanh<TLanes, TVector>(ReadOnlySpan<double> x, Span<double> y)
        where TLanes : struct, ILanes<TVector> where TVector : struct
    {
        KernelChecks.SameLength(x.Length, y.Length, nameof(y));
        ref double x0 = ref MemoryMarshal.GetReference(x);
        ref double y0 = ref MemoryMarshal.GetReference(y);
        int i = 0;
        for (; i + TLanes.Count <= x.Length; i += TLanes.Count)
            TLanes.Store(TanhLanes<TLanes, TVector>(TLanes.Load(ref x0, i)), ref y0, i);
        for (; i < x.Length; i++) y[i] = Math.Tanh(x[i]);
    }

    // Cephes' tanh.c (Moshier): tanh z = z + z s P(s) / Q(s), s = z^2, for |z| < 0.625; Q is monic.
    private const double P0 = -9.64399179425052238628E-1, P1 = -9.92877231001918586564E1, P2 = -1.61468768441708447952E3;
    private const double Q0 = 1.12811678491632931402E2, Q1 = 2.23548839060100448583E3, Q2 = 4.84406305325125486048E3;

    /// <summary>
    /// tanh of every lane, to a few ulp. With z = |x| and the sign of x put back at the end, two
    /// formulas, each "a base plus a small correction", one selected per lane:
    /// <code>
    ///   z &lt; 0.625:   tanh z = z + z s P(s) / Q(s),  s = z^2     (Cephes' rational fit)
    ///   z &gt;= 0.625:  tanh z = 1 - 2e / (1 + e),     e = exp(-2z)
    /// </code>
    /// Why two: the exponential formula alone loses digits near 0, where 1 - e cancels (at
    /// x = 1e-6 it keeps only about 10 of 16 digits); the rational fit is accurate only near 0.
    /// Selecting numerator and denominator before dividing costs one division for both.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector TanhLanes<TLanes, TVector>(TVector x)
        where TLanes : struct, ILanes<TVector> where TVector : struct
    {
        var one = TLanes.Create(1.0);
        var z = TLanes.Abs(x);
        var s = TLanes.Multiply(z, z);
        var p = TLanes.MultiplyAdd(TLanes.MultiplyAdd(TLanes.Create(P0), s, TLanes.Create(P1)), s, TLanes.Create(P2));
        var q = TLanes.MultiplyAdd(TLanes.MultiplyAdd(TLanes.Add(s, TLanes.Create(Q0)), s, TLanes.Create(Q1)), s, TLanes.Create(Q2));
        // tanh z rounds to 1 from z = 19.1 on, so clamping -2z at -40 changes nothing and keeps exp normal.
        // (For a NaN lane the clamp may give -40 or NaN: that lane takes the near formula anyway.)
        var e = ExpLanes<TLanes, TVector>(TLanes.MaxNative(TLanes.Multiply(z, TLanes.Create(-2.0)), TLanes.Create(-40.0)));
        var far = TLanes.AtLeast(z, TLanes.Create(0.625)); // NaN is not far: the near formula keeps it NaN
        var baseValue = TLanes.Select(far, one, z);
        var numerator = TLanes.Select(far, TLanes.Multiply(e, TLanes.Create(-2.0)), TLanes.Multiply(TLanes.Multiply(z, s), p));
        var denominator = TLanes.Select(far, TLanes.Add(one, e), q);
        return TLanes.CopySign(TLanes.Add(baseValue, TLanes.Divide(numerator, denominator)), x);
    }

    private const double InverseLn2 = 1.44269504088896338700e+00;
    private const double Ln2High = 6.93147180369123816490e-01; // ln 2 = Ln2High + Ln2Low, Ln2High with 32 bits
    private const double Ln2Low = 1.90821492927058770002e-10;
    private const double RoundingShifter = 6755399441055744.0;  // 1.5 * 2^52

    /// <summary>
    /// exp y for -40 &lt;= y &lt;= 0 (no overflow, underflow or NaN handling: the caller clamps), to
    /// about 1 ulp, written out so that it inlines:
    /// <code>
    ///   k = round(y / ln 2),  r = y - k ln 2  (|r| &lt;= ln 2 / 2),  exp y = 2^k exp r
    /// </code>
    /// with exp r by its Taylor series to r^13 (the next term is below 5e-18) and 2^k built in the
    /// exponent bits. Adding 1.5 * 2^52 rounds y / ln 2 to an integer k and leaves k in the low bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpLanes<TLanes, TVector>(TVector y)
        where TLanes : struct, ILanes<TVector> where TVector : struct
    {
        var shifted = TLanes.MultiplyAdd(y, TLanes.Create(InverseLn2), TLanes.Create(RoundingShifter));
        var k = TLanes.Subtract(shifted, TLanes.Create(RoundingShifter));
        var r = TLanes.MultiplyAdd(k, TLanes.Create(-Ln2Low), TLanes.MultiplyAdd(k, TLanes.Create(-Ln2High), y));
        // exp r = sum_{i=0}^{13} r^i / i! by Estrin's scheme: pairs, then pairs of pairs, so the
        // longest chain is 4 multiply-adds deep instead of Horner's 13.
        var r2 = TLanes.Multiply(r, r);
        var r4 = TLanes.Multiply(r2, r2);
        var r8 = TLanes.Multiply(r4, r4);
        var c01 = TLanes.MultiplyAdd(r, TLanes.Create(1.0), TLanes.Create(1.0));
        var c23 = TLanes.MultiplyAdd(r, TLanes.Create(1.0 / 6), TLanes.Create(1.0 / 2));
        var c45 = TLanes.MultiplyAdd(r, TLanes.Create(1.0 / 120), TLanes.Create(1.0 / 24));
        var c67 = TLanes.MultiplyAdd(r, TLanes.Create(1.0 / 5040), TLanes.Create(1.0 / 720));
        var c89 = TLanes.MultiplyAdd(r, TLanes.Create(1.0 / 362880), TLanes.Create(1.0 / 40320));
        var c1011 = TLanes.MultiplyAdd(r, TLanes.Create(1.0 / 39916800), TLanes.Create(1.0 / 3628800));
        var c1213 = TLanes.MultiplyAdd(r, TLanes.Create(1.0 / 6227020800), TLanes.Create(1.0 / 479001600));
        var c03 = TLanes.MultiplyAdd(r2, c23, c01);
        var c47 = TLanes.MultiplyAdd(r2, c67, c45);
        var c811 = TLanes.MultiplyAdd(r2, c1011, c89);
        var c07 = TLanes.MultiplyAdd(r4, c47, c03);
        var c813 = TLanes.MultiplyAdd(r4, c1213, c811);
        var sum = TLanes.MultiplyAdd(r8, c813, c07);
        return TLanes.Multiply(sum, TLanes.PowerOfTwo(shifted));
    }
}
