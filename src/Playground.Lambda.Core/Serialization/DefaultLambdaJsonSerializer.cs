using System.Text.Json;

namespace Amazon.Lambda.Serialization.SystemTextJson;

/// <summary>
/// Stands in for Amazon.Lambda.Serialization.SystemTextJson's serializer, so that the
/// <c>[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]</c> line of the AWS templates compiles here.
/// </summary>
public class DefaultLambdaJsonSerializer : Amazon.Lambda.Core.ILambdaSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public T Deserialize<T>(Stream requestStream) => JsonSerializer.Deserialize<T>(requestStream, Options)!;

    public void Serialize<T>(T response, Stream responseStream) => JsonSerializer.Serialize(responseStream, response, Options);
}
