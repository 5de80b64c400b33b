using System.Globalization;
using System.Text;

namespace Qdc.Circuits.Diagnostics;

/// <summary>
/// One finding about the user's input. <see cref="Code"/> is stable (QDCnnnn) so that scripts and
/// tests can match on it; the message is for people.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation Location)
{
    /// <summary>The source line the location points into, when known, for the caret display.</summary>
    public string? SourceLine { get; init; }

    public bool IsError => Severity == Severity.Error;

    /// <summary><c>path:line:col: error QDC0123: message</c>.</summary>
    public string Header =>
        string.Create(CultureInfo.InvariantCulture, $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}");

    /// <summary>The header plus the source line and a caret under the offending text.</summary>
    public string Format()
    {
        var sb = new StringBuilder(Header);
        if (SourceLine is { } line && Location.Line > 0)
        {
            var text = line.TrimEnd('\r', '\n');
            sb.Append('\n').Append("  ").Append(text).Append('\n').Append("  ");
            int col = Math.Max(1, Location.Column);
            for (int i = 0; i < col - 1 && i < text.Length; i++)
            {
                sb.Append(text[i] == '\t' ? '\t' : ' ');
            }
            int len = Math.Clamp(Location.Length, 1, Math.Max(1, text.Length - col + 1));
            sb.Append('^');
            if (len > 1)
            {
                sb.Append('~', len - 1);
            }
        }
        return sb.ToString();
    }

    public override string ToString() => Header;
}
