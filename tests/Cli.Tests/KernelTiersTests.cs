using System.Text.RegularExpressions;

namespace Cli.Tests;

/// <summary>
/// The vector kernels run as optimized code from their first call (SimdKernels' remarks say why): a
/// 32,768-step training run with tiered compilation on, as in a notebook kernel (the CLI turns it off),
/// and the JIT's own list of every method it compiled and at which tier (DOTNET_JitDisasmSummary).
/// </summary>
public partial class KernelTiersTests
{
    [Fact]
    public void Training_WithTieredCompilation_NeverRunsAKernelOrALaneOperationAsQuickTierCode()
    {
        string folder = Directory.CreateTempSubdirectory("cli-tiers-").FullName;
        try
        {
            string summary = Path.Combine(folder, "jit.txt");
            var environment = new Dictionary<string, string>
            {
                ["DOTNET_TieredCompilation"] = "1",
                ["DOTNET_JitDisasmSummary"] = "1",
                ["DOTNET_JitStdOutFile"] = summary,
            };
            var (exitCode, _, error) = CliProcess.Run(TimeSpan.FromMinutes(2), environment,
                "train", "--total-steps", "32768", "--eval-episodes", "1", "--out", Path.Combine(folder, "run"));
            Assert.True(exitCode == 0, error);
            string[] compiled = File.ReadAllLines(summary).Where(line => line.Contains("JIT compiled ")).ToArray();

            // The list is there and tiering was on: the library's other methods started at the quick tier.
            Assert.Contains(compiled, line => line.Contains("JIT compiled Rl.Ppo.PpoTrainer:") && line.Contains("[Tier0"));
            Assert.Contains(compiled, line => line.Contains("JIT compiled Rl.Nn.SimdKernels:Tanh["));
            string[] quick = compiled.Where(line => KernelOrLane().IsMatch(line) && line.Contains("Tier0")).ToArray();
            Assert.True(quick.Length == 0, "compiled at the quick tier:\n" + string.Join("\n", quick));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A method of SimdKernels, or of a lane type (Vector512Lanes, PortableLanes).</summary>
    [GeneratedRegex(@"JIT compiled Rl\.Nn\.(SimdKernels|\w+Lanes):")]
    private static partial Regex KernelOrLane();
}
