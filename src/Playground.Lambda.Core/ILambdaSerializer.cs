namespace Amazon.Lambda.Core;

/// <summary>Turns events into handler inputs and results into responses.</summary>
public interface ILambdaSerializer
{
    T Deserialize<T>(Stream requestStream);

    void Serialize<T>(T response, Stream responseStream);
}
