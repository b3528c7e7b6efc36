using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Tests;

/// <summary>Issue 16's one text rule on its own (no server needed): no control characters; line breaks only in notes.</summary>
public sealed class SafeTextTests
{
    [Theory]
    [InlineData("\0", false, true)]
    [InlineData("a\u0001b", false, true)]
    [InlineData("\u001b[31m", false, true)]
    [InlineData("del\u007f", false, true)]
    [InlineData("line\nbreak", false, true)]
    [InlineData("line\nbreak\ttab\r", true, false)]
    [InlineData("\0 in a note", true, true)]
    [InlineData("Ünïcødé, emoji 📦 and RTL עברית", false, false)]
    public void SafeText_refuses_control_characters_and_line_breaks_only_where_a_text_may_span_lines(string text, bool lineBreaksAllowed, bool refused) =>
        Assert.Equal(refused, SafeText.HasControl(text, lineBreaksAllowed));
}
