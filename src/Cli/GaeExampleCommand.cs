using System.CommandLine;
using Rl.Advantages;

namespace Rl.Cli;

/// <summary>`gae`: a worked example of lecture items 4-7 on one short trajectory, printed as a table.</summary>
internal static class GaeExampleCommand
{
    public static Command Create()
    {
        var gamma = new Option<double>("--gamma") { Description = "Discount factor gamma, in [0, 1].", DefaultValueFactory = _ => 0.9 };
        var lambda = new Option<double>("--lambda") { Description = "GAE's lambda, in [0, 1].", DefaultValueFactory = _ => 0.8 };
        var command = new Command("gae", "Print a worked GAE example: Bellman errors, n-step estimators, GAE by recursion and by definition, value targets.")
        {
            gamma, lambda,
        };
        command.SetAction(parse =>
        {
            try
            {
                Print(parse.GetValue(gamma), parse.GetValue(lambda), Console.Out);
                return 0;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {Messages.InOptionWords(e, new Dictionary<string, string> { ["gamma"] = gamma.Name, ["lambda"] = lambda.Name })}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>
    /// A five-step episode that terminates, so V(s_H) = 0: rewards and a critic's values chosen so
    /// that every column differs and can be checked by hand.
    /// </summary>
    public static void Print(double gamma, double lambda, TextWriter output)
    {
        double[] rewards = [1.0, 0.0, 2.0, 0.0, 1.0];
        double[] values = [2.0, 1.5, 2.5, 0.5, 0.5, 0.0]; // V(s_0) .. V(s_5); s_5 is terminal
        int horizon = rewards.Length;

        double[] errors = BellmanErrors.Compute(rewards, values, gamma);
        double[] a1 = NStep.Compute(rewards, values, gamma, 1);
        double[] a2 = NStep.Compute(rewards, values, gamma, 2);
        double[] aInf = NStep.Compute(rewards, values, gamma, horizon);
        double[] recursion = Gae.Compute(rewards, values, gamma, lambda);
        double[] definition = Gae.ByDefinition(rewards, values, gamma, lambda);
        double[] targets = ValueTargets.Compute(recursion, values);

        output.WriteLine($"A worked GAE example: H = {horizon}, gamma = {gamma}, lambda = {lambda}; the episode terminates, so V(s_H) = 0.");
        output.WriteLine("  BE_h = r_h + gamma V(s_h+1) - V(s_h);  A^gae_h = BE_h + gamma lambda A^gae_h+1;  y_h = A^gae_h + V(s_h)");
        output.WriteLine();
        output.WriteLine("  h    r_h  V(s_h)      BE_h     A^(1)     A^(2)   A^(inf)  A^gae rec  A^gae def       y_h");
        for (int h = 0; h < horizon; h++)
            output.WriteLine($"{h,3} {rewards[h],6:F2} {values[h],7:F2} {errors[h],9:F4} {a1[h],9:F4} {a2[h],9:F4} {aInf[h],9:F4} {recursion[h],10:F4} {definition[h],10:F4} {targets[h],9:F4}");
        double gap = recursion.Zip(definition, (x, y) => Math.Abs(x - y)).Max();
        output.WriteLine();
        output.WriteLine($"Largest |recursion - definition| = {gap:E2}: the O(H) recursion and the O(H^2) definition agree.");
    }
}
