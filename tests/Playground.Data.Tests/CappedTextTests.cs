using System.Text;

namespace Playground.Data.Tests;

public sealed class CappedTextTests
{
    [Fact]
    public void Text_within_the_limit_is_kept_whole()
    {
        var capped = CappedText.From("{\"a\":1}", 100);

        Assert.Equal("{\"a\":1}", capped.Text);
        Assert.False(capped.Truncated);
    }

    [Fact]
    public void Text_past_the_limit_is_cut_with_a_marker_that_says_how_much_went()
    {
        var capped = CappedText.From(new string('x', 1000), 100);

        Assert.True(capped.Truncated);
        Assert.StartsWith(new string('x', 100) + "\n[truncated: 900 more bytes were not kept]", capped.Text);
    }

    [Fact]
    public void A_cut_never_splits_a_multi_byte_character()
    {
        var capped = CappedText.From(Encoding.UTF8.GetBytes("aé€😀"), 5);

        Assert.StartsWith("aé\n", capped.Text);
        Assert.DoesNotContain('\uFFFD', capped.Text);
    }

    [Fact]
    public void A_long_log_keeps_its_start_and_its_last_lines()
    {
        var log = "START RequestId: 1\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"line {i}\n")) + "END RequestId: 1\nREPORT RequestId: 1\n";

        var capped = CappedText.KeepingEnd(log, 2048, 256);

        Assert.True(capped.Truncated);
        Assert.StartsWith("START RequestId: 1\nline 0\n", capped.Text);
        Assert.Contains("[truncated: ", capped.Text);
        Assert.EndsWith("END RequestId: 1\nREPORT RequestId: 1\n", capped.Text);
        Assert.True(Encoding.UTF8.GetByteCount(capped.Text) < 2048 + 100);
    }
}
