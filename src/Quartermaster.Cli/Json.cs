using Quartermaster.Documents;

namespace Quartermaster.Cli;

/// <summary>Machine output: a named document (its schema is <c>qm schema NAME</c>), indented JSON on stdout.</summary>
internal static class Json
{
    public static void Write<T>(CliContext context, T document)
        where T : IDocument => context.Stdout.WriteLine(DocumentJson.Serialize(document, indented: true));
}
