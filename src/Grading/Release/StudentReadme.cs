using System.Text;

namespace Rl.Grading.Release;

/// <summary>The README at the root of the student release: build, test, the handout, and what to submit.</summary>
public static class StudentReadme
{
    /// <summary>The README's Markdown, listing <paramref name="allowedFiles"/> as the files to submit.</summary>
    public static string Text(IReadOnlyList<string> allowedFiles)
    {
        var text = new StringBuilder("""
            # Programming assignment: NPG and PPO

            You implement the advantage estimators of the lecture (Bellman errors, n-step, GAE, batched GAE,
            value targets), PPO's losses and update step, and the natural policy gradient's pieces (the
            categorical Fisher-vector product, conjugate gradient, the natural step size and the NPG step) in
            the library `src/Rl`. Each function to write throws `NotImplementedException` with a hint; the rest
            of the library (environments, networks, the PPO and NPG trainers that call your functions) is given.

            The task, the formulas and the points are in [the handout](assignments/ppo-gae/handout.md) (the
            folder keeps its first name, `ppo-gae`).

            ## Build and test

            You need the .NET 10 SDK. In this folder:

            ```bash
            dotnet build                              # everything in PpoGae.sln
            dotnet test assignments/ppo-gae/tests     # the public tests
            ```

            Until you implement a function, its public tests fail with `NotImplementedException`. The public
            tests check a few analytic cases; the autograder also runs hidden tests (random inputs against the
            reference, edge cases, and PPO and NPG training CartPole-v1 with your functions), so test more than that.

            ## The lecture

            Read the lecture from day one in `notebooks/html/`: every notebook as a web page, executed with the
            reference solution (outputs and charts included; open `notebooks/html/01-monte-carlo-advantages.html`
            in a browser, no network needed).

            `notebooks/` holds the same notebooks to run yourself; see [notebooks/README.md](notebooks/README.md).
            They load `artifacts/bin/Rl/debug/Rl.dll`, i.e. your build of the library: run `dotnet build` first.
            Cells that call a function you have not implemented yet throw `NotImplementedException`; the top of
            each notebook says which tasks of the handout it needs.

            ## What to submit

            Exactly these files, with these paths (for example `zip submission.zip <the files>` from this
            folder). The autograder builds them with its own copy of everything else, so changes to other
            files are not graded:


            """);
        foreach (string file in allowedFiles) text.Append("- `").Append(file).Append("`\n");
        return text.ToString();
    }
}
