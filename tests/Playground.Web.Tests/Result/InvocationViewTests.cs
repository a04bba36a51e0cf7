using System.Text;
using Playground.Execution.Invocations;
using Playground.Web.Components.Result;

namespace Playground.Web.Tests.Result;

public sealed class InvocationViewTests
{
    [Fact]
    public void An_error_names_the_first_line_of_the_handlers_code_in_its_stack_trace()
    {
        var payload = Encoding.UTF8.GetBytes("""
            {"errorMessage":"Index was outside the bounds of the array.","errorType":"IndexOutOfRangeException",
             "stackTrace":["at Submission#0.Helper() in handler.cs:line 9","at Submission#0.Handler(JsonElement input) in handler.cs:line 4"]}
            """);

        var (message, line) = InvocationView.ReadError(payload);

        Assert.Equal("Index was outside the bounds of the array.", message);
        Assert.Equal(9, line);
    }

    [Fact]
    public void A_response_is_shown_indented()
    {
        Assert.Equal("{\n  \"a\": 1\n}", InvocationView.Pretty("{\"a\":1}"u8.ToArray()).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_throttled_invocation_reads_like_lambdas_429()
    {
        var view = InvocationView.From(new InvocationResult
        {
            RequestId = "r",
            Status = InvocationStatus.Throttled,
            Payload = [],
            FunctionName = "f",
            Version = 1,
            Log = string.Empty,
            StartedAt = DateTimeOffset.UnixEpoch,
            ThrottleReason = "ReservedFunctionConcurrentInvocationLimitExceeded",
        });

        Assert.Equal("Throttled (429)", view.StatusText);
        Assert.Equal("Rate Exceeded.", view.ErrorMessage);
        Assert.Equal(string.Empty, view.Response);
    }
}
