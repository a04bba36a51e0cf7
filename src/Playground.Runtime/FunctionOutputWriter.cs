using System.Text;

namespace Playground.Runtime;

/// <summary>A TextWriter for Console.Out and Console.Error that forwards to <see cref="FunctionOutput"/>.</summary>
internal sealed class FunctionOutputWriter(FunctionOutput output) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => output.Write(value.ToString());

    public override void Write(string? value) => output.Write(value);

    public override void Write(char[] buffer, int index, int count) => output.Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => output.Write(value + "\n");

    public override void WriteLine() => output.Write("\n");

    public override void Flush() => output.Flush();
}
