using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Quartermaster.Books.Yaml;

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from YamlDotNet's parser events, refusing what a book (or any of
/// Quartermaster's small YAML files) never needs and an attacker could abuse: aliases (alias bombs), tags,
/// several documents, nesting deeper than <see cref="MaxDepth"/>, complex keys and duplicate keys.
/// Every refusal is a <see cref="BookError"/>, never an exception.
/// </summary>
public sealed class YamlTreeReader
{
    /// <summary>The deepest nesting accepted, in levels of mappings and lists.</summary>
    public const int MaxDepth = 32;

    private readonly string _file;
    private readonly string _document;
    private readonly List<BookError> _errors;
    private readonly Parser _parser;

    private YamlTreeReader(string file, TextReader text, List<BookError> errors, string document)
    {
        _file = file;
        _document = document;
        _errors = errors;
        _parser = new Parser(text);
    }

    /// <summary>
    /// Reads the single document in <paramref name="text"/>; null when it is empty or broken (the errors added to
    /// <paramref name="errors"/> say why; an empty text adds none). <paramref name="file"/> names the file in errors and
    /// <paramref name="document"/> names what it holds in messages, with its article ("a book", "a rivalries file").
    /// </summary>
    public static YamlNode? Read(string file, TextReader text, List<BookError> errors, string document = "a book")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        var reader = new YamlTreeReader(file, text, errors, document);
        try
        {
            return reader.ReadStream();
        }
        catch (YamlException e)
        {
            errors.Add(new BookError(file, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column), "invalid YAML: " + Describe(e)));
            return null;
        }
        catch (StopReading)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the single document in <paramref name="text"/> into a tree, adding errors to <paramref name="errors"/>;
    /// null when it is broken or empty (an empty text adds "the file is empty; expected <paramref name="expected"/>" at 1:1).
    /// <paramref name="document"/> names what the file holds in messages, with its article ("a book", "a rivalries file").
    /// </summary>
    public static YamlNode? ReadText(string text, BookErrorList errors, string document, string expected)
    {
        ArgumentNullException.ThrowIfNull(errors);
        YamlNode? root;
        using (var reader = new StringReader(text))
        {
            root = Read(errors.File, reader, errors.Errors, document);
        }
        if (root is null && errors.IsEmpty)
        {
            errors.Errors.Add(new BookError(errors.File, 1, 1, "the file is empty; expected " + expected));
        }
        return root;
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes messages with "(Line: .., Col: .., Idx: ..) - (..): "; the position is ours to print.
        var message = e.InnerException?.Message ?? e.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        message = cut >= 0 ? message[(cut + 3)..] : message;
        return message.TrimEnd('.').Replace('\n', ' ').Replace('\r', ' ');
    }

    private YamlNode? ReadStream()
    {
        Expect<StreamStart>();
        if (_parser.Accept<StreamEnd>(out _))
        {
            return null;
        }
        Expect<DocumentStart>();
        var root = ReadNode(0);
        _parser.Consume<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out var second))
        {
            Error(second, $"{_document} holds one YAML document; remove the second '---' document");
            return null;
        }
        return root;
    }

    private YamlNode? ReadNode(int depth)
    {
        var next = _parser.Current ?? throw new YamlException("unexpected end of input");
        if (depth > MaxDepth)
        {
            Error(next, $"nesting deeper than {MaxDepth} levels; {_document} is never this deep");
            throw new StopReading();
        }
        switch (next)
        {
            case AnchorAlias alias:
                Error(alias, $"aliases (*{alias.Value}) are not allowed in {_document}; write the value out");
                throw new StopReading();
            case NodeEvent { Tag.IsEmpty: false } tagged when !IsStandardTag(tagged):
                Error(tagged, $"YAML tags ({tagged.Tag}) are not allowed in {_document}");
                throw new StopReading();
            case Scalar scalar:
                _parser.MoveNext();
                return new YamlScalar(scalar.Value, Line(scalar), Column(scalar));
            case SequenceStart start:
                _parser.MoveNext();
                var items = new List<YamlNode>();
                while (!_parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(depth + 1)!);
                }
                return new YamlSequence(items, Line(start), Column(start));
            case MappingStart start:
                _parser.MoveNext();
                return ReadMapping(start, depth);
            default:
                throw new YamlException(next.Start, next.End, $"unexpected {next.GetType().Name}");
        }
    }

    private YamlMapping ReadMapping(MappingStart start, int depth)
    {
        var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
        var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            if (ReadNode(depth + 1) is not YamlScalar key)
            {
                Error(_parser.Current!, "a mapping key must be a plain name, not a list or mapping");
                throw new StopReading();
            }
            var value = ReadNode(depth + 1)!;
            if (seen.TryGetValue(key.Value, out var first))
            {
                _errors.Add(new BookError(_file, key.Line, key.Column, $"duplicate key '{key.Value}' (first at line {first.Line})"));
                continue;
            }
            seen.Add(key.Value, key);
            entries.Add(new(key, value));
        }
        return new YamlMapping(entries, Line(start), Column(start));
    }

    private static bool IsStandardTag(NodeEvent node) =>
        node.Tag.Value is "!" or "tag:yaml.org,2002:str" or "tag:yaml.org,2002:map" or "tag:yaml.org,2002:seq";

    private void Expect<T>()
        where T : ParsingEvent => _parser.Consume<T>();

    private void Error(ParsingEvent at, string message) => _errors.Add(new BookError(_file, Line(at), Column(at), message));

    private static int Line(ParsingEvent e) => Math.Max(1, (int)e.Start.Line);

    private static int Column(ParsingEvent e) => Math.Max(1, (int)e.Start.Column);

    /// <summary>Unwinds after an error that makes the rest of the document meaningless; the error is already recorded.</summary>
    private sealed class StopReading : Exception;
}
