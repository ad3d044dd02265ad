using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rl.Nn;

/// <summary>
/// The vector operations the hot kernels need, for one vector type of W doubles, so that each of
/// those kernels is written once and runs at the width the processor does best:
/// <see cref="Vector512Lanes"/> where 512-bit vectors run at full speed (the runtime's
/// <c>Vector512.IsHardwareAccelerated</c>), <see cref="PortableLanes"/> (<see cref="Vector{T}"/>:
/// 256 bits with AVX2, 128 with NEON) elsewhere.
/// </summary>
/// <remarks>
/// The members are static abstract and the implementations structs, so the JIT compiles one copy
/// of a kernel per implementation and inlines every call: no indirection is left at run time.
/// Why not <see cref="Vector{T}"/> alone: the runtime keeps it at 256 bits even on AVX-512
/// hardware, and on a core with full-width 512-bit units that leaves about a third of the speed
/// of the matrix products, and half that of tanh, unused.
/// </remarks>
internal interface ILanes<TVector> where TVector : struct
{
    /// <summary>W, the number of doubles in one vector.</summary>
    static abstract int Count { get; }

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TVector Create(double value);

    /// <summary>The W doubles from <c>source[offset]</c> on, unchecked.</summary>
    static abstract TVector Load(ref double source, int offset);

    /// <summary>Writes the W lanes to <c>destination[offset]</c> on, unchecked.</summary>
    static abstract void Store(TVector value, ref double destination, int offset);

    /// <summary><c>a b + c</c>, lane by lane, with a single rounding.</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary><c>a + b</c>, lane by lane.</summary>
    static abstract TVector Add(TVector a, TVector b);

    /// <summary><c>a - b</c>, lane by lane.</summary>
    static abstract TVector Subtract(TVector a, TVector b);

    /// <summary><c>a b</c>, lane by lane.</summary>
    static abstract TVector Multiply(TVector a, TVector b);

    /// <summary><c>a / b</c>, lane by lane.</summary>
    static abstract TVector Divide(TVector a, TVector b);

    /// <summary>The sum of the W lanes.</summary>
    static abstract double Sum(TVector value);

    /// <summary>
    /// <c>destination[r] += Sum(s_r)</c> for r = 0..3: four lane sums at once, which an
    /// implementation may do faster than four <see cref="Sum"/>s.
    /// </summary>
    static abstract void AddSumsOfFour(ref double destination, TVector s0, TVector s1, TVector s2, TVector s3);

    /// <summary>|x|, lane by lane.</summary>
    static abstract TVector Abs(TVector value);

    /// <summary>max(a, b), lane by lane, in the processor's own instruction: which operand comes back
    /// when one is NaN is left to the processor (one instruction instead of three on x86).</summary>
    static abstract TVector MaxNative(TVector a, TVector b);

    /// <summary>All bits set in the lanes where <c>a &gt;= b</c>, none elsewhere (and where either is NaN).</summary>
    static abstract TVector AtLeast(TVector a, TVector b);

    /// <summary><paramref name="ifTrue"/> where <paramref name="mask"/> is set, <paramref name="ifFalse"/> elsewhere.</summary>
    static abstract TVector Select(TVector mask, TVector ifTrue, TVector ifFalse);

    /// <summary>|magnitude| with the sign of <paramref name="sign"/>, lane by lane.</summary>
    static abstract TVector CopySign(TVector magnitude, TVector sign);

    /// <summary>
    /// 2^k from <c>shifted = 1.5 * 2^52 + k</c> (an integer k, |k| &lt; 1023, kept in the low bits
    /// of the double): the bits <c>(bits(shifted) + 1023) &lt;&lt; 52</c> read as a double.
    /// </summary>
    static abstract TVector PowerOfTwo(TVector shifted);
}

/// <summary><see cref="ILanes{TVector}"/> on <see cref="Vector{T}"/>: portable, as wide as the runtime makes it.</summary>
internal readonly struct PortableLanes : ILanes<Vector<double>>
{
    public static int Count => Vector<double>.Count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<double> Create(double value) => new(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<double> Load(ref double source, int offset) => Vector.LoadUnsafe(ref source, (nuint)offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector<double> value, ref double destination, int offset) => value.StoreUnsafe(ref destination, (nuint)offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<double> MultiplyAdd(Vector<double> a, Vector<double> b, Vector<double> c) => Vector.FusedMultiplyAdd(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<double> Add(Vector<double> a, Vector<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<double> Subtract(Vector<double> a, Vector<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<double> Multiply(Vector<double> a, Vector<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<double> Divide(Vector<double> a, Vector<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Sum(Vector<double> value) => Vector.Sum(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddSumsOfFour(ref double destination, Vector<double> s0, Vector<double> s1, Vector<double> s2, Vector<double> s3)
    {
        destination += Vector.Sum(s0);
        Unsafe.Add(ref destination, 1) += Vector.Sum(s1);
        Unsafe.Add(ref destination, 2) += Vector.Sum(s2);
        Unsafe.Add(ref destination, 3) += Vector.Sum(s3);
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<double> Abs(Vector<double> value) => Vector.Abs(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<double> MaxNative(Vector<double> a, Vector<double> b) => Vector.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<double> AtLeast(Vector<double> a, Vector<double> b) => Vector.AsVectorDouble(Vector.GreaterThanOrEqual(a, b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<double> Select(Vector<double> mask, Vector<double> ifTrue, Vector<double> ifFalse) => Vector.ConditionalSelect(mask, ifTrue, ifFalse);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<double> CopySign(Vector<double> magnitude, Vector<double> sign) => Vector.CopySign(magnitude, sign);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> PowerOfTwo(Vector<double> shifted) =>
        Vector.AsVectorDouble(Vector.ShiftLeft(Vector.AsVectorInt64(shifted) + new Vector<long>(1023), 52));
}

/// <summary><see cref="ILanes{TVector}"/> on <see cref="Vector512{T}"/>: 8 doubles, for AVX-512 processors.</summary>
internal readonly struct Vector512Lanes : ILanes<Vector512<double>>
{
    public static int Count => Vector512<double>.Count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Create(double value) => Vector512.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Load(ref double source, int offset) => Vector512.LoadUnsafe(ref source, (nuint)offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector512<double> value, ref double destination, int offset) => value.StoreUnsafe(ref destination, (nuint)offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> MultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c) => Vector512.FusedMultiplyAdd(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Add(Vector512<double> a, Vector512<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Subtract(Vector512<double> a, Vector512<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Multiply(Vector512<double> a, Vector512<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Divide(Vector512<double> a, Vector512<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Sum(Vector512<double> value) => Vector512.Sum(value);

    /// <summary>
    /// Folds each vector to 4 lanes, then (with AVX) adds neighbours and swaps 128-bit halves so
    /// that one 4-lane vector [sum s0, sum s1, sum s2, sum s3] is added to destination[0 .. 3]:
    /// about a third of the instructions of four separate sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddSumsOfFour(ref double destination, Vector512<double> s0, Vector512<double> s1, Vector512<double> s2, Vector512<double> s3)
    {
        var t0 = s0.GetLower() + s0.GetUpper();
        var t1 = s1.GetLower() + s1.GetUpper();
        var t2 = s2.GetLower() + s2.GetUpper();
        var t3 = s3.GetLower() + s3.GetUpper();
        if (Avx.IsSupported)
        {
            var h01 = Avx.HorizontalAdd(t0, t1); // [t0_0 + t0_1, t1_0 + t1_1, t0_2 + t0_3, t1_2 + t1_3]
            var h23 = Avx.HorizontalAdd(t2, t3);
            var sums = Avx.Permute2x128(h01, h23, 0x20) + Avx.Permute2x128(h01, h23, 0x31);
            (Vector256.LoadUnsafe(ref destination) + sums).StoreUnsafe(ref destination);
        }
        else
        {
            destination += Vector256.Sum(t0);
            Unsafe.Add(ref destination, 1) += Vector256.Sum(t1);
            Unsafe.Add(ref destination, 2) += Vector256.Sum(t2);
            Unsafe.Add(ref destination, 3) += Vector256.Sum(t3);
        }
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Abs(Vector512<double> value) => Vector512.Abs(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> MaxNative(Vector512<double> a, Vector512<double> b) => Vector512.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> AtLeast(Vector512<double> a, Vector512<double> b) => Vector512.GreaterThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Select(Vector512<double> mask, Vector512<double> ifTrue, Vector512<double> ifFalse) => Vector512.ConditionalSelect(mask, ifTrue, ifFalse);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> CopySign(Vector512<double> magnitude, Vector512<double> sign) => Vector512.CopySign(magnitude, sign);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> PowerOfTwo(Vector512<double> shifted) =>
        Vector512.ShiftLeft(shifted.AsInt64() + Vector512.Create(1023L), 52).AsDouble();
}
