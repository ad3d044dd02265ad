namespace Rl.Cli;

/// <summary>Error text for people: an ArgumentException's message without .NET's "(Parameter 'x')" suffix.</summary>
internal static class Messages
{
    public static string WithoutParameter(ArgumentException e)
    {
        string message = e.Message;
        int suffix = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return (suffix >= 0 ? message[..suffix] : message).Replace(Environment.NewLine, " ");
    }
}
