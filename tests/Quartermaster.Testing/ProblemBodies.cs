using System.Text.Json.Nodes;

namespace Quartermaster.Testing;

/// <summary>Problem-details bodies compared as a client sees them, less what differs on every request.</summary>
public static class ProblemBodies
{
    /// <summary>
    /// <paramref name="body"/> without its <c>trace_id</c> (unique per request), so two answers can be compared for
    /// being the same answer; a body that is not a JSON object comes back unchanged.
    /// </summary>
    public static string WithoutTraceId(string body)
    {
        if (JsonNode.Parse(body) is JsonObject problem)
        {
            problem.Remove("trace_id");
            return problem.ToJsonString();
        }
        return body;
    }
}
