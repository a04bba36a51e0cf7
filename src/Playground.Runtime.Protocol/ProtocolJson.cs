using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playground.Runtime.Protocol;

/// <summary>
/// Source-generated JSON for the headers: no reflection at start-up keeps a cold start short.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(HelloMessage))]
[JsonSerializable(typeof(LoadMessage))]
[JsonSerializable(typeof(InitCompletedMessage))]
[JsonSerializable(typeof(InvokeMessage))]
[JsonSerializable(typeof(ResponseMessage))]
[JsonSerializable(typeof(ErrorMessage))]
[JsonSerializable(typeof(LogMessage))]
public sealed partial class ProtocolJson : JsonSerializerContext
{
    public const int Version = 1;
}
