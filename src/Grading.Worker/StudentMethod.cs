using System.Reflection;

namespace Rl.Grading.Worker;

/// <summary>
/// The function of the assignment an <see cref="ISubmission"/> method calls, as the student wrote it
/// ("PpoUpdate.Step", not the interface's UpdateSteps): every message the judge shows about a call
/// names it so, and the graded tests' titles name it the same way.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StudentMethodAttribute(string name) : Attribute
{
    /// <summary>Type and method, without the namespace: "BatchedGae.Compute".</summary>
    public string Name { get; } = name;

    /// <summary>The student's name of each <see cref="ISubmission"/> method that has one, read once (the judge asks on every call).</summary>
    private static readonly Dictionary<string, string> Names = typeof(ISubmission).GetMethods()
        .Where(method => method.GetCustomAttribute<StudentMethodAttribute>() is not null)
        .ToDictionary(method => method.Name, method => method.GetCustomAttribute<StudentMethodAttribute>()!.Name);

    /// <summary>The student's name for the <see cref="ISubmission"/> method called <paramref name="interfaceMethod"/>, else that name itself.</summary>
    public static string Of(string interfaceMethod) => Names.GetValueOrDefault(interfaceMethod, interfaceMethod);
}
