using System.Globalization;
using Playground.Execution.Functions;
using Playground.Runtime.Protocol;

namespace Playground.Execution.Contexts;

/// <summary>The Load message of a function version: its handler, Lambda's names for it, and its environment variables.</summary>
internal static class FunctionLoad
{
    public static LoadMessage Create(FunctionVersion version, ExecutionOptions options, string logStreamName)
    {
        var configuration = version.Configuration;
        var environment = new Dictionary<string, string>(configuration.Environment)
        {
            ["AWS_LAMBDA_FUNCTION_NAME"] = version.FunctionName,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = configuration.MemorySize.ToString(CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_FUNCTION_VERSION"] = version.Number.ToString(CultureInfo.InvariantCulture),
            ["AWS_REGION"] = options.Region,
            ["AWS_DEFAULT_REGION"] = options.Region,
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = LogGroupName(version),
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = logStreamName,
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["AWS_EXECUTION_ENV"] = "AWS_Lambda_dotnet10",
            ["_HANDLER"] = $"{version.Deployment.Handler.TypeName}::{version.Deployment.Handler.MethodName}",
        };
        return new LoadMessage(
            new HandlerBinding(
                version.Deployment.Handler.IsScript ? HandlerShape.Script : HandlerShape.Class,
                version.Deployment.Handler.TypeName,
                version.Deployment.Handler.MethodName),
            version.FunctionName,
            version.Number.ToString(CultureInfo.InvariantCulture),
            configuration.MemorySize,
            FunctionArn(version, options),
            LogGroupName(version),
            logStreamName,
            environment,
            options.MaxResponseBytes);
    }

    public static string LogGroupName(FunctionVersion version) => $"/aws/lambda/{version.FunctionName}";

    public static string FunctionArn(FunctionVersion version, ExecutionOptions options) =>
        $"arn:aws:lambda:{options.Region}:{options.AccountId}:function:{version.FunctionName}";
}
