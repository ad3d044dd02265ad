using System.Reflection;
using System.Runtime.ExceptionServices;
using Rl.Grading.Worker;

namespace Rl.Grading.Judge;

/// <summary>
/// One graded test's view of the submission: it forwards every call until the judge revokes it
/// (the test outlived its time limit), and from then on every call fails. A test thread the judge
/// stopped waiting for can then never call into the next test's worker.
/// </summary>
public class RevocableSubmission : DispatchProxy
{
    private ISubmission _inner = null!;
    private volatile bool _revoked;

    /// <summary>A view of <paramref name="inner"/> that <see cref="Revoke"/> can close.</summary>
    public static ISubmission Wrap(ISubmission inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var proxy = Create<ISubmission, RevocableSubmission>();
        ((RevocableSubmission)(object)proxy)._inner = inner;
        return proxy;
    }

    /// <summary>Closes <paramref name="view"/> (made by <see cref="Wrap"/>): its calls fail from now on.</summary>
    public static void Revoke(ISubmission view) => ((RevocableSubmission)(object)view)._revoked = true;

    /// <inheritdoc/>
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (_revoked) throw new SubmissionException($"{StudentMethodAttribute.Of(targetMethod.Name)}: not called, the test was stopped at its time limit.");
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
