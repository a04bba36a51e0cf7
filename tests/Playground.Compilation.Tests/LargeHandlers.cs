using System.Text;

namespace Playground.Compilation.Tests;

/// <summary>Valid handler code that takes Roslyn long enough (tens of milliseconds) to be interrupted.</summary>
internal static class LargeHandlers
{
    public static string Script(int methods, string salt = "")
    {
        var code = new StringBuilder($"// {salt}\nint Handler() => M0();\n");
        for (var i = 0; i < methods; i++)
        {
            code.Append($"int M{i}() => Enumerable.Range(0, {i}).Select(x => x * 2).Where(x => x % 3 == 0).Sum() + {(i + 1 < methods ? $"M{i + 1}()" : "0")};\n");
        }

        return code.ToString();
    }
}
