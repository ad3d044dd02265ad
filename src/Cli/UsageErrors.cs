using System.CommandLine;
using System.CommandLine.Parsing;

namespace Rl.Cli;

/// <summary>
/// System.CommandLine's parse errors in the user's words: the option, the value typed and what is
/// expected ("--lr abc: expected a number, e.g. 0.001 or 2.5e-4"), never a .NET type name; an unknown
/// command or option lists the valid ones (and the nearest, when one is close).
/// </summary>
internal static class UsageErrors
{
    /// <summary>The line after the errors: where to read more.</summary>
    public static string Hint(ParseResult parse) => parse.CommandResult.Command is RootCommand
        ? "Run with --help to see the commands."
        : $"See {Path(parse.CommandResult.Command)} --help for {(parse.CommandResult.Command.Subcommands.Count > 0 ? "its commands" : "every option and its default")}.";

    /// <summary>One line per mistake in <paramref name="parse"/>, in the order they were made.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var lines = new List<string>();
        var command = parse.CommandResult.Command;
        string? previous = null;
        foreach (string token in parse.UnmatchedTokens)
        {
            // The value after an unknown option belongs to it: one mistake, one line.
            if (!(previous is not null && previous.StartsWith('-') && !token.StartsWith('-'))) lines.Add(Unmatched(parse, command, token));
            previous = token;
        }
        foreach (var error in parse.Errors)
        {
            string? line = error.SymbolResult switch
            {
                ArgumentResult { Parent: OptionResult option } argument => BadValue(option.Option, argument.Tokens, error),
                OptionResult option when option.Tokens.Count > 0 => BadValue(option.Option, option.Tokens, error),
                OptionResult option => $"{option.Option.Name} is missing; it is required. {option.Option.Description}",
                ArgumentResult { Argument: var argument } => $"{argument.Name}: {error.Message}",
                CommandResult { Command: var c } when c.Subcommands.Count > 0 && parse.UnmatchedTokens.Count == 0 =>
                    $"{(c is RootCommand ? "name a command" : $"{Path(c)} needs a command")}: {string.Join(", ", Visible(c.Subcommands).Select(s => s.Name))}.",
                // An unmatched token's error: already described, with more context, above.
                CommandResult when parse.UnmatchedTokens.Count > 0 => null,
                _ => error.Message,
            };
            if (line is not null && !lines.Contains(line)) lines.Add(line);
        }
        return lines;
    }

    /// <summary>A token no option or command took: an unknown option or command, or a value an option refused.</summary>
    private static string Unmatched(ParseResult parse, Command command, string token)
    {
        // `--anneal-lr maybe`: an optional-value option (true/false) leaves a value it cannot read unmatched.
        var tokens = parse.Tokens;
        int at = tokens.ToList().FindIndex(t => t.Value == token);
        if (at > 0 && command.Options.FirstOrDefault(o => o.Name == tokens[at - 1].Value || o.Aliases.Contains(tokens[at - 1].Value)) is { } previous
            && Expected(previous.ValueType) is { } expected)
            return $"{previous.Name} {token}: expected {expected}.";
        if (token.StartsWith('-'))
        {
            var names = command.Options.Where(o => !o.Hidden).Select(o => o.Name).ToList();
            return $"{Path(command)} has no option {token}{Nearest(token, names)}. Its options: {string.Join(", ", names)}.";
        }
        if (command.Subcommands.Count > 0)
        {
            var names = Visible(command.Subcommands).Select(c => c.Name).ToList();
            return $"unknown command '{token}'{Nearest(token, names)}. The commands: {string.Join(", ", names)}.";
        }
        return $"{Path(command)} takes no argument '{token}'; options are written --name value.";
    }

    /// <summary>
    /// "--lr abc: expected a number ..." for an option whose value did not convert; a text option's
    /// value always converts, so its error is its validator's own message ("--algo sarsa: expected ppo, npg or trpo.").
    /// </summary>
    private static string BadValue(Option option, IReadOnlyList<Token> tokens, ParseError error) =>
        Expected(option.ValueType) is { } expected
            ? $"{option.Name} {string.Join(' ', tokens.Select(t => t.Value))}: expected {expected}."
            : error.Message;

    /// <summary>What a value of <paramref name="type"/> looks like on the command line, or null for text.</summary>
    internal static string? Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(double) => "a number, e.g. 0.001 or 2.5e-4",
        var t when t == typeof(int) => "a whole number, e.g. 4",
        var t when t == typeof(long) => "a whole number, e.g. 500000",
        var t when t == typeof(ulong) => $"a whole number from 0 to {ulong.MaxValue}",
        var t when t == typeof(bool) => "true or false",
        var t when t == typeof(int[]) => "whole numbers separated by spaces, e.g. 64 64",
        _ => null,
    };

    /// <summary>" (did you mean train?)" when one of <paramref name="names"/> is within two edits of <paramref name="token"/>.</summary>
    private static string Nearest(string token, IReadOnlyList<string> names)
    {
        var best = names.Select(n => (Name: n, Distance: EditDistance(token, n))).OrderBy(p => p.Distance).FirstOrDefault();
        return best.Name is not null && best.Distance <= 2 ? $" (did you mean {best.Name}?)" : "";
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions (and a swap of neighbours, "trian").</summary>
    internal static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    private static IEnumerable<Command> Visible(IEnumerable<Command> commands) => commands.Where(c => !c.Hidden);

    /// <summary>"train" or "notebooks run": the command as typed after the program's name (the root: "the command line").</summary>
    private static string Path(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command { } c && c is not RootCommand; s = c.Parents.FirstOrDefault()) names.Insert(0, c.Name);
        return names.Count == 0 ? "the command line" : string.Join(' ', names);
    }
}
