using System.Reflection;
using System.Text.Json;
using Rl.Grading.Worker;

// The grading worker: answers the judge's calls, one JSON line in, one JSON line out (WorkerProtocol).
// It owns the process's standard output; anything the student's code prints goes to standard error,
// which the judge keeps (bounded, test by test) but never parses for results. The handshake's key marks every
// answer, so what student code prints (or a process it starts) is never taken for one by accident.
// It is no secret from student code, which shares this process and can read its memory
// (/proc/self/mem) or write to descriptor 1 itself; nor need it be: a forged answer is no more than
// a value the student's function could have returned, and the judge checks every answer against
// the reference on its own side, which nothing in this sandbox can see.
var protocol = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true, NewLine = "\n" };
Console.SetOut(Console.Error);
var input = new StreamReader(Console.OpenStandardInput());
string key = JsonSerializer.Deserialize<WorkerHandshake>(input.ReadLine() ?? "{}", WorkerProtocol.Options)?.Key
    ?? throw new InvalidDataException("The judge's first line must be the handshake.");
ISubmission submission = new InProcessSubmission();
protocol.WriteLine(WorkerProtocol.Ready(key));

while (input.ReadLine() is string line)
{
    WorkerRequest? request;
    try { request = JsonSerializer.Deserialize<WorkerRequest>(line, WorkerProtocol.Options); }
    catch (JsonException) { continue; } // not a request: ignore it
    if (request is null) continue;
    string answer;
    try
    {
        var method = WorkerProtocol.Method(request.Method)
            ?? throw new MissingMethodException($"ISubmission has no method {request.Method}.");
        var result = method.Invoke(submission, WorkerProtocol.Arguments(method, request));
        answer = WorkerProtocol.Success(key, request.Id, method, result);
    }
    catch (TargetInvocationException e) when (e.InnerException is not null)
    {
        answer = WorkerProtocol.Failure(key, request.Id, e.InnerException);
    }
    catch (Exception e)
    {
        answer = WorkerProtocol.Failure(key, request.Id, e);
    }
    protocol.WriteLine(answer);
}
return 0;
