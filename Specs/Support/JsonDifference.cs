using System.Text.Json;

namespace XaiReference.Specs.Support;

/// <summary>
/// Finds the first place where two JSON documents differ. Structure must match exactly (value kinds, object
/// property names, array lengths, strings, booleans, nulls); numbers are compared with a tolerance.
/// Object properties are compared by name, in the verified document's order.
/// </summary>
public static class JsonDifference
{
    /// <summary>The first difference, as "path: what differs", or null when the documents match.</summary>
    /// <param name="received">The document the spec produced.</param>
    /// <param name="verified">The stored document.</param>
    /// <param name="tolerance">How far numbers may be apart.</param>
    public static string? First(JsonElement received, JsonElement verified, NumberTolerance tolerance) =>
        First(received, verified, tolerance, "$");

    private static string? First(JsonElement received, JsonElement verified, NumberTolerance tolerance, string path)
    {
        if (Kind(received) != Kind(verified))
        {
            return $"{path}: received a {Kind(received)} ({Text(received)}), "
                   + $"verified a {Kind(verified)} ({Text(verified)})";
        }

        switch (verified.ValueKind)
        {
            case JsonValueKind.Object:
                return FirstInObject(received, verified, tolerance, path);

            case JsonValueKind.Array:
                var (r, v) = (received.GetArrayLength(), verified.GetArrayLength());
                if (r != v)
                {
                    return $"{path}: received an array of {r} elements, verified {v}";
                }

                for (var i = 0; i < v; i++)
                {
                    var difference = First(received[i], verified[i], tolerance, $"{path}[{i}]");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return null;

            case JsonValueKind.Number:
                var (a, b) = (received.GetDouble(), verified.GetDouble());
                return tolerance.Allows(a, b)
                    ? null
                    : $"{path}: {NumberTolerance.Describe(a, b)}, beyond the tolerance ({tolerance})";

            default:
                return received.GetRawText() == verified.GetRawText()
                    ? null
                    : $"{path}: received {Text(received)}, verified {Text(verified)}";
        }
    }

    private static string? FirstInObject(
        JsonElement received,
        JsonElement verified,
        NumberTolerance tolerance,
        string path)
    {
        foreach (var property in verified.EnumerateObject())
        {
            if (!received.TryGetProperty(property.Name, out var value))
            {
                return $"{path}.{property.Name}: in the verified snapshot but not received";
            }

            var difference = First(value, property.Value, tolerance, $"{path}.{property.Name}");
            if (difference is not null)
            {
                return difference;
            }
        }

        var extra = received.EnumerateObject().FirstOrDefault(p => !verified.TryGetProperty(p.Name, out _));
        return extra.Value.ValueKind == JsonValueKind.Undefined
            ? null
            : $"{path}.{extra.Name}: received but not in the verified snapshot";
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.ToString().ToLowerInvariant(),
    };

    private static string Text(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length <= 40 ? text : text[..37] + "...";
    }
}
