using System.Reflection;
using Rl.Grading.Worker;

namespace Rl.Grading.Tests.Judge;

/// <summary>The judge's messages name each call as the student wrote it: every name is a real function of the assignment.</summary>
public sealed class StudentMethodTests
{
    public static TheoryData<string> Methods => new(typeof(ISubmission).GetMethods().Select(method => method.Name));

    [Theory]
    [MemberData(nameof(Methods))]
    public void EverySubmissionMethod_NamesAPublicMethodOfTheLibrary_ThatTheGradedTestsName(string method)
    {
        var attribute = typeof(ISubmission).GetMethod(method)!.GetCustomAttribute<StudentMethodAttribute>();
        Assert.NotNull(attribute);
        Assert.Equal(attribute.Name, StudentMethodAttribute.Of(method));
        string[] parts = attribute.Name.Split('.');
        Assert.Equal(2, parts.Length);
        var type = typeof(Rl.Advantages.Gae).Assembly.GetTypes().Single(t => t.IsPublic && t.Name == parts[0]);
        Assert.Contains(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance), m => m.Name == parts[1]);
        Assert.Contains(Rl.Grading.Judge.GradedTests.All, test => test.Graded.Name.Contains(attribute.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void ANameThatIsNoSubmissionMethod_IsKeptAsItIs() => Assert.Equal("start", StudentMethodAttribute.Of("start"));
}
