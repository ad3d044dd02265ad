using Rl.Grading.Worker;
using Rl.Ppo;

namespace PpoGae.Tests;

/// <summary>Task 8, public: one PPO update step on a hand-made CartPole agent and minibatch.</summary>
public class UpdateStepTests
{
    [Graded("8.1", 3, "PpoUpdate.Step and PpoLoss.Compute: the losses of a hand-made minibatch")]
    public void UpdateStep_HandMadeMinibatch_Losses()
    {
        // CartPole-v1 (4 observations, 2 actions), hidden sizes [2]. Each network's parameters are,
        // layer by layer, W [out x in] row by row and then b [out]. Every weight is 0, so the hidden
        // activations are tanh(0) = 0 and each network outputs its last bias, whatever the observation:
        //   actor logits (0, ln 3): pi = (1/4, 3/4), log pi(0) = -ln 4, log pi(1) = ln 3 - ln 4
        //   critic value 1
        var actor = new double[16];   // W1 [2x4], b1 [2], W2 [2x2], b2 [2] at 14, 15
        actor[15] = Math.Log(3);
        var critic = new double[13];  // W1 [2x4], b1 [2], W2 [1x2], b2 [1] at 12
        critic[12] = 1.0;
        var agent = new AgentParameters("CartPole-v1", [2], actor, critic, []);

        // Four samples, actions 0, 1, 1, 0, with old log-probabilities chosen so that
        // rho = exp(log pi(a) - logp_old) = 1, 1.5, 0.7, 1.1.
        double lnQuarter = -Math.Log(4), lnThreeQuarters = Math.Log(0.75);
        double[] oldLogp = [lnQuarter, lnThreeQuarters - Math.Log(1.5), lnThreeQuarters - Math.Log(0.7), lnQuarter - Math.Log(1.1)];
        // Advantages 2 a + 3 with a = (sqrt 1/2, 1, -sqrt 1/2, -1) (mean 0, sample std 1): normalised
        // within the minibatch they become a / (1 + 5e-9) (the std 2 gets 1e-8 added).
        double r = Math.Sqrt(0.5);
        double[] advantages = [3 + 2 * r, 5, 3 - 2 * r, 1];
        // Values 1; old values 1, 1, 1.5, 0.5; targets 2, 0.5, 3, 1.5.
        double[] oldValues = [1, 1, 1.5, 0.5], targets = [2, 0.5, 3, 1.5];
        var batch = new MinibatchData([0.1, -0.2, 0.03, 0.4, -0.5, 0.6, 0.07, -0.8, 0.9, 0.01, -0.02, 0.3, 0.2, 0.2, -0.1, -0.3],
            [0, 1, 1, 0], oldLogp, advantages, targets, oldValues);
        var config = PpoConfig.CartPole; // eps 0.2, c_1 0.5, c_2 0.01, advantages normalised, value loss clipped, lr 2.5e-4

        var output = Submission.Current.UpdateSteps(new UpdateStepInput(agent, config, [batch]));
        Expect.That(output.Losses.Length == 1 && output.Parameters.Length == 1,
            $"PpoUpdate.Step on one minibatch returned {output.Losses.Length} losses and {output.Parameters.Length} parameter sets, expected 1 of each.");
        var losses = output.Losses[0];

        // Policy loss, per sample max(-A rho, -A clip(rho, 0.8, 1.2)) with the normalised A = a:
        //   rho 1:           -sqrt(1/2)
        //   A = 1,  rho 1.5:  max(-1.5, -1.2) = -1.2                     (clipped)
        //   A < 0,  rho 0.7:  max(0.7 sqrt(1/2), 0.8 sqrt(1/2)) = 0.8 sqrt(1/2)   (clipped)
        //   A = -1, rho 1.1:  1.1
        //   l_pi = (-0.2 sqrt(1/2) - 0.1) / 4 = -0.0603553..., times 1 / (1 + 5e-9)
        double policyLoss = (-0.2 * r - 0.1) / 4 / (1 + 5e-9);
        // Without normalisation, A = 3 + sqrt 2, 5, 3 - sqrt 2, 1:
        //   -(3 + sqrt 2) - 6 - 0.7 (3 - sqrt 2) - 1.1, over 4 = -3.05 - 0.075 sqrt 2
        // With the ratio as a quotient of log-probabilities, q = log pi / logp_old:
        double[] q = [1, lnThreeQuarters / oldLogp[1], lnThreeQuarters / oldLogp[2], lnQuarter / oldLogp[3]];
        double quotientLoss = (-r * q[0] + Math.Max(-q[1], -0.8) + Math.Max(r * q[2], r * Math.Clamp(q[2], 0.8, 1.2))
            + Math.Max(q[3], Math.Clamp(q[3], 0.8, 1.2))) / 4;
        Expect.Near(losses.PolicyLoss, policyLoss, "PpoUpdate.Step policy loss",
            new Mistake("the policy loss has the wrong sign", -policyLoss),
            new Mistake("the advantages are not normalised in the update (config.NormalizeAdvantages is set)", -3.05 - 0.075 * Math.Sqrt(2)),
            new Mistake("the ratio is logp / logp_old; it is exp(logp - logp_old)", quotientLoss));

        // Value loss, clipped: per sample max((V - y)^2, (V_old + clip(V - V_old, -0.2, 0.2) - y)^2):
        //   1, 0.25, max(4, 1.7^2) = 4, max(0.25, 0.8^2) = 0.64;  l_V = (1/2) 5.89 / 4 = 0.73625
        // Unclipped: (1/2) (1 + 0.25 + 4 + 0.25) / 4 = 0.6875.
        Expect.Near(losses.ValueLoss, 0.73625, "PpoUpdate.Step value loss",
            new Mistake("the value loss is not clipped (config.ClipValueLoss is set)", 0.6875),
            new Mistake("the 1/2 factor of the value loss is missing", 1.4725),
            new Mistake("the 1/2 factor of the value loss is applied twice", 0.368125));

        // Entropy of pi = (1/4, 3/4) in every state: ln 4 - (3/4) ln 3.
        Expect.Near(losses.Entropy, Math.Log(4) - 0.75 * Math.Log(3), "PpoUpdate.Step entropy");

        // Clip fraction: rho 1.5 and 0.7 leave [0.8, 1.2]: 2 / 4.
        Expect.Near(losses.ClipFraction, 0.5, "PpoUpdate.Step clip fraction");

        // k3 KL: mean of (rho - 1) - ln rho = (0 + 0.5 - ln 1.5 - 0.3 - ln 0.7 + 0.1 - ln 1.1) / 4.
        Expect.Near(losses.ApproxKl, (0.3 - Math.Log(1.5) - Math.Log(0.7) - Math.Log(1.1)) / 4, "PpoUpdate.Step approximate KL",
            new Mistake("the approximate KL is the k1 estimate mean(-log rho); use k3, mean((rho - 1) - log rho)",
                -(Math.Log(1.5) + Math.Log(0.7) + Math.Log(1.1)) / 4));

        // The step itself. Only the output biases have non-zero gradients (the hidden activations are
        // 0). The critic's: c_1 sum_i (V_i - y_i) / B over the samples where the unclipped term is the
        // larger = 0.5 (-1 + 0.5 - 2) / 4 = -0.3125 (the fourth sample's clipped term is larger and
        // outside the clip range: gradient 0). The actor's logit 0: +0.0716 (policy and entropy
        // terms), logit 1: -0.0716. The global norm, 0.33, is under 0.5, so Adam's first step moves
        // each by lr g / (|g| + 1e-5), within 0.1% of lr = 2.5e-4, against its gradient.
        double lr = config.LearningRate;
        var after = output.Parameters[0];
        Expect.That(after.Critic.Length == 13 && after.Actor.Length == 16,
            $"the parameters after the step have {after.Actor.Length} actor and {after.Critic.Length} critic entries, expected 16 and 13.");
        AssertMoved(after.Critic[12], 1.0, +lr, "the critic's output bias (its gradient is c_1 mean(V - y) < 0, so it rises)");
        AssertMoved(after.Actor[14], 0.0, -lr, "the actor's bias of logit 0 (the loss falls as it falls)");
        AssertMoved(after.Actor[15], Math.Log(3), +lr, "the actor's bias of logit 1 (the loss falls as it rises)");
    }

    private static void AssertMoved(double after, double before, double step, string what)
    {
        double moved = after - before;
        Expect.That(moved / step is >= 0.99 and <= 1.0,
            $"after the step, {what} moved by {Expect.Show(moved)}; expected about {Expect.Show(step)} " +
            "(Adam's first step is lr g / (|g| + 1e-5), against the gradient). " +
            (moved / step < 0 ? "Likely mistake: a gradient with the wrong sign." : moved == 0 ? "Likely mistake: no Adam step was taken." : ""));
    }
}
