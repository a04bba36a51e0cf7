namespace Amazon.Lambda.Core;

/// <summary>
/// Names the serializer of an assembly's handlers. Accepted so that code from the AWS templates compiles here;
/// the playground always serializes with System.Text.Json.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Method, AllowMultiple = false)]
public sealed class LambdaSerializerAttribute(Type serializerType) : Attribute
{
    public Type SerializerType { get; set; } = serializerType;
}
