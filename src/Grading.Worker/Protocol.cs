using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rl.Grading.Worker;

/// <summary>
/// The judge-worker protocol: one JSON object per line. The judge's first line is a
/// <see cref="WorkerHandshake"/> with a random key, read before any student code runs; the worker
/// answers "ready" (id 0). Then the judge sends a <see cref="WorkerRequest"/> naming an
/// <see cref="ISubmission"/> method with its arguments, and the worker answers with a
/// <see cref="WorkerResponse"/> carrying the key, the same id and either the raw result or the
/// exception the call threw. Every answer begins with <see cref="AnswerPrefix(string, long)"/>, so the
/// judge drops any other line unread. The key keeps what the student's code prints apart from the
/// answers; it is not a secret from that code (it sits in the worker's memory, readable through
/// /proc/self/mem), and it need not be: a forged answer can carry nothing the student's function could
/// not have returned, and the judge checks every result's shape either way. Doubles round-trip bit
/// for bit, NaN and infinities included (arrays as their bytes, <see cref="ByteArrayEncoding{T}"/>).
/// </summary>
public static class WorkerProtocol
{
    /// <summary>Serialiser options both sides use.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
        Converters = { new ByteArrayEncoding<double>(), new ByteArrayEncoding<bool>() },
    };

    /// <summary>The <see cref="ISubmission"/> method called <paramref name="name"/>, or null.</summary>
    public static MethodInfo? Method(string name) => typeof(ISubmission).GetMethod(name);

    /// <summary>One line: <paramref name="method"/>'s arguments encoded by its parameter types.</summary>
    public static string Request(long id, MethodInfo method, object?[] args)
    {
        ArgumentNullException.ThrowIfNull(method);
        var parameters = method.GetParameters();
        var encoded = new JsonElement[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
            encoded[i] = JsonSerializer.SerializeToElement(args[i], parameters[i].ParameterType, Options);
        return JsonSerializer.Serialize(new WorkerRequest(id, method.Name, encoded), Options);
    }

    /// <summary>Decodes a request's arguments by <paramref name="method"/>'s parameter types.</summary>
    public static object?[] Arguments(MethodInfo method, WorkerRequest request)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        var parameters = method.GetParameters();
        if (request.Args.Length != parameters.Length)
            throw new ArgumentException($"{method.Name} takes {parameters.Length} arguments; the request has {request.Args.Length}.");
        var args = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
            args[i] = request.Args[i].Deserialize(parameters[i].ParameterType, Options);
        return args;
    }

    /// <summary>A successful answer, the result encoded by <paramref name="method"/>'s return type.</summary>
    public static string Success(string key, long id, MethodInfo method, object? result) =>
        JsonSerializer.Serialize(new WorkerResponse(key, id, true,
            JsonSerializer.SerializeToElement(result, method.ReturnType, Options), null, null), Options);

    /// <summary>An answer reporting that the call threw <paramref name="exception"/>.</summary>
    public static string Failure(string key, long id, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string message;
        try { message = exception.Message; }
        catch (Exception) { message = "(the exception's message could not be read)"; }
        if (message.Length > MaxMessage) message = message[..MaxMessage] + " ...";
        return JsonSerializer.Serialize(new WorkerResponse(key, id, false, null, exception.GetType().FullName, message), Options);
    }

    /// <summary>The worker's first line, sent once it is ready to take calls.</summary>
    public static string Ready(string key) => JsonSerializer.Serialize(new WorkerResponse(key, 0, true, null, null, null), Options);

    /// <summary>The judge's first line: the key every answer must carry.</summary>
    public static string Handshake(string key) => JsonSerializer.Serialize(new WorkerHandshake(key), Options);

    /// <summary>How every answer line marked with <paramref name="key"/> begins (the serialiser writes Key first).</summary>
    public static string AnswerPrefix(string key) => "{\"Key\":\"" + key + "\",";

    /// <summary>How the answer with <paramref name="id"/>, marked with <paramref name="key"/>, begins.</summary>
    public static string AnswerPrefix(string key, long id) => AnswerPrefix(key) + "\"Id\":" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",";

    /// <summary>Longest exception message a response carries.</summary>
    public const int MaxMessage = 2000;
}

/// <summary>A call: <see cref="ISubmission"/> method name and its arguments, each encoded by its parameter type.</summary>
public sealed record WorkerRequest(long Id, string Method, JsonElement[] Args);

/// <summary>The judge's first line: the key that marks the worker's answers.</summary>
public sealed record WorkerHandshake(string Key);

/// <summary>An answer, marked with the handshake's key: the result (when <paramref name="Ok"/>), else the exception's type and message.</summary>
public sealed record WorkerResponse(string Key, long Id, bool Ok, JsonElement? Result, string? Error, string? Message);
