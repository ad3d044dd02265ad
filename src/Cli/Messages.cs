using System.Globalization;
using System.Text.RegularExpressions;

namespace Rl.Cli;

/// <summary>Error text for people: the library's ArgumentExceptions told in the command line's own words.</summary>
internal static class Messages
{
    /// <summary>An ArgumentException's message without .NET's "(Parameter 'x')" suffix and "Actual value was x." line.</summary>
    public static string WithoutParameter(ArgumentException e)
    {
        string message = e.Message;
        int suffix = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (suffix >= 0) message = message[..suffix];
        else if (e is ArgumentOutOfRangeException { ActualValue: not null } && message.LastIndexOf(Environment.NewLine, StringComparison.Ordinal) is > 0 and var line)
            message = message[..line];
        return message.Replace(Environment.NewLine, " ");
    }

    /// <summary>
    /// <paramref name="e"/>'s message with every parameter name in <paramref name="options"/> (a library
    /// field such as TotalSteps) replaced by its option (--total-steps). When the message starts with the
    /// option and the exception carries the value, the value follows the option:
    /// "TotalSteps must be at least ..." with 100 becomes "--total-steps 100: must be at least ...".
    /// </summary>
    public static string InOptionWords(ArgumentException e, IReadOnlyDictionary<string, string> options)
    {
        string message = WithoutParameter(e);
        if (options.Count > 0)
        {
            string names = string.Join('|', options.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
            message = Regex.Replace(message, $@"(?<![\w-])(?:{names})(?!\w)", m => options[m.Value]);
        }
        if (e.ParamName is { } name && options.TryGetValue(name, out string? option) && message.StartsWith(option + " ", StringComparison.Ordinal)
            && e is ArgumentOutOfRangeException { ActualValue: { } value })
            return $"{option} {Convert.ToString(value, CultureInfo.InvariantCulture)}: {message[(option.Length + 1)..]}";
        return message;
    }
}
