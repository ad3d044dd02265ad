using PpoGae.Tests;
using Rl.Grading.Release;

namespace Rl.Grading.Tests.Samples;

/// <summary>
/// The sample submissions as a set, without grading them: every folder is a valid sample, the set
/// has the reference, the blank release, enough bugs and enough attacks, each expected grade is
/// the points of the tests it expects to pass, and every patch applies to its base and touches
/// only files a student may submit.
/// </summary>
public sealed class SampleSetTests
{
    private static readonly string RepositoryRootPath = RepositoryRoot.Find();
    private static readonly string SamplesRoot = Sample.Root(RepositoryRootPath);

    /// <summary>Every sample folder's name.</summary>
    public static TheoryData<string> Names => new(Sample.Names(SamplesRoot));

    [Fact]
    public void Samples_CoverTheReferenceTheBlankReleaseEightBugsAndTwelveAttacks()
    {
        var samples = Sample.Names(SamplesRoot).Select(name => Sample.Load(SamplesRoot, name)).ToList();
        Assert.Equal(["reference"], samples.Where(sample => sample.Kind == "reference").Select(sample => sample.Name));
        Assert.Equal(["blank"], samples.Where(sample => sample.Kind == "blank").Select(sample => sample.Name));
        Assert.InRange(samples.Count(sample => sample.Kind == "bug"), 8, int.MaxValue);
        Assert.InRange(samples.Count(sample => sample.Kind == "hostile"), 12, int.MaxValue);
        Assert.All(samples.Where(sample => sample.Kind == "bug"), sample => Assert.Equal("reference", sample.Base));
    }

    [Fact]
    public void InnerLoop_NamesSamples_OfEveryKind_OneThatDoesNotCompile_AndOneWithAHint()
    {
        var names = Sample.Names(SamplesRoot);
        Assert.All(SampleGrading.InnerLoop, name => Assert.Contains(name, names));
        var inner = SampleGrading.InnerLoop.Select(name => Sample.Load(SamplesRoot, name)).ToList();
        Assert.Equal(Sample.Kinds.Order(StringComparer.Ordinal), inner.Select(sample => sample.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(inner, sample => sample.Expected.Failing.Contains("0"));
        Assert.Contains(inner, sample => sample.Kind == "bug" && sample.Expected.Hint is not null);
        Assert.Contains(inner, sample => sample.Forbidden.Count > 0);
    }

    [Fact]
    public void ReferenceAndBlank_ExpectEverythingAndNothing()
    {
        var graded = GradedTests();
        var reference = Sample.Load(SamplesRoot, "reference").Expected;
        Assert.Equal((100.0, 5.0), (reference.Score, reference.ExtraCredit));
        Assert.Empty(reference.Failing);
        var blank = Sample.Load(SamplesRoot, "blank").Expected;
        Assert.Equal((0.0, 0.0), (blank.Score, blank.ExtraCredit));
        Assert.True(graded.Select(test => test.Number).ToHashSet().SetEquals(blank.Failing), "the blank release must fail every graded test");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ExpectedGrade_IsThePointsOfTheTestsExpectedToPass(string name)
    {
        var graded = GradedTests();
        var expected = Sample.Load(SamplesRoot, name).Expected;
        Assert.Equal(expected.Failing.Distinct().Count(), expected.Failing.Count);
        // "0" is the judge's Compilation test, there only when the build fails.
        Assert.All(expected.Failing.Where(number => number != "0"), number => Assert.Contains(number, graded.Select(test => test.Number)));
        var passing = graded.Where(test => !expected.Failing.Contains(test.Number)).ToList();
        Assert.Equal(passing.Where(test => !test.ExtraCredit).Sum(test => test.Points), expected.Score, 1e-9);
        Assert.Equal(passing.Where(test => test.ExtraCredit).Sum(test => test.Points), expected.ExtraCredit, 1e-9);
        if (expected.Failing.Count == 0) Assert.Null(expected.Hint);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Patches_TouchOnlyAllowedFiles_AndApplyToTheirBase(string name)
    {
        var sample = Sample.Load(SamplesRoot, name);
        var allowed = AssignmentFiles.Allowed(RepositoryRootPath);
        foreach (string patch in sample.Patches)
        {
            var paths = File.ReadLines(patch)
                .Where(line => line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("+++ ", StringComparison.Ordinal))
                .Select(line => line[4..].Split('\t')[0])
                .ToList();
            Assert.NotEmpty(paths);
            Assert.All(paths, path => Assert.Contains(path[2..], allowed));
            Assert.All(paths, path => Assert.True(path.StartsWith("a/", StringComparison.Ordinal) || path.StartsWith("b/", StringComparison.Ordinal), $"{patch}: {path} lacks the a/ or b/ prefix"));
        }
        var work = Directory.CreateTempSubdirectory("rl-sample-patch-");
        try
        {
            // Without the clutter (a large tree of other files, which the sample's grading writes): the patches are what is checked here.
            SampleSubmission.Write(sample with { ClutterFiles = 0 }, RepositoryRootPath, work.FullName);
            Assert.All(allowed, file => Assert.True(File.Exists(Path.Combine(work.FullName, file)), $"{file} missing"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The graded tests of the assignment, as the judge finds them.</summary>
    private static List<GradedAttribute> GradedTests()
    {
        var graded = Rl.Grading.Judge.GradedTests.All.Select(test => test.Graded).ToList();
        Assert.NotEmpty(graded);
        return graded;
    }
}
