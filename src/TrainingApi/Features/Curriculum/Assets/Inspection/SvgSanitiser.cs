using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using TrainingApi.Common.Localization;

namespace TrainingApi.Features.Curriculum.Assets.Inspection;

/// <summary>
/// An SVG is a document a browser runs, not a picture: it may hold scripts, event handlers, links to other sites and HTML.
/// It is parsed without a DTD (no entities, so no "billion laughs" and no external files), checked against an allow-list
/// of drawing elements, and written again from what was read: comments, processing instructions, <c>metadata</c> and the
/// editors' own namespaces (Inkscape, Sodipodi, RDF…) are left out, unknown attributes are dropped, and whatever could run
/// code or fetch something is refused with its name, so the author knows what to remove.
/// </summary>
public static partial class SvgSanitiser
{
    public const string SvgNamespace = "http://www.w3.org/2000/svg";
    private const string XlinkNamespace = "http://www.w3.org/1999/xlink";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";
    private const int MaxDepth = 256;

    /// <summary>Drawing elements only: no script, foreignObject, image, a, animate/set (which can rewrite an href), iframe…</summary>
    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "title", "desc", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
        "textPath", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "marker", "symbol", "use", "style",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
        "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
        "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting",
        "feSpotLight", "feTile", "feTurbulence",
    };

    /// <summary>Geometry, presentation and structure attributes; others are dropped (they cannot matter to the drawing).</summary>
    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "id", "class", "style", "viewBox", "preserveAspectRatio", "transform", "transform-origin", "version", "baseProfile", "lang",
        "role", "tabindex", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
        "d", "points", "pathLength", "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
        "href", "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift", "font", "font-family", "font-size",
        "font-size-adjust", "font-weight", "font-style", "font-variant", "font-stretch", "letter-spacing", "word-spacing",
        "text-decoration", "writing-mode", "direction", "unicode-bidi", "white-space", "fill", "fill-opacity", "fill-rule",
        "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
        "stroke-dashoffset", "opacity", "color", "display", "visibility", "overflow", "clip", "clip-path", "clip-rule",
        "clipPathUnits", "mask", "maskUnits", "maskContentUnits", "marker-start", "marker-mid", "marker-end", "markerWidth",
        "markerHeight", "markerUnits", "refX", "refY", "orient", "gradientUnits", "gradientTransform", "spreadMethod", "offset",
        "stop-color", "stop-opacity", "patternUnits", "patternContentUnits", "patternTransform", "filter", "filterUnits",
        "primitiveUnits", "in", "in2", "result", "stdDeviation", "mode", "operator", "k1", "k2", "k3", "k4", "values", "type",
        "tableValues", "slope", "intercept", "amplitude", "exponent", "flood-color", "flood-opacity", "lighting-color",
        "color-interpolation", "color-interpolation-filters", "shape-rendering", "text-rendering", "image-rendering",
        "vector-effect", "paint-order", "mix-blend-mode", "isolation", "enable-background", "stitchTiles", "baseFrequency",
        "numOctaves", "seed", "scale", "xChannelSelector", "yChannelSelector", "radius", "order", "kernelMatrix", "divisor",
        "bias", "targetX", "targetY", "edgeMode", "preserveAlpha", "surfaceScale", "diffuseConstant", "specularConstant",
        "specularExponent", "azimuth", "elevation", "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle", "kernelUnitLength", "z",
    };

    /// <summary>Namespaces whose elements and attributes are an editor's bookkeeping, dropped without a word.</summary>
    private static readonly string[] DroppedNamespaceHints =
        ["inkscape", "sodipodi", "rdf", "purl.org/dc", "creativecommons", "adobe", "sketch", "bohemiancoding", "krita", "figma", "boxy-svg"];

    public static InspectedAsset Sanitise(byte[] bytes, bool hasDoctype, AssetLimits limits)
    {
        if (hasDoctype)
        {
            throw Unsafe("a DOCTYPE declaration (a DTD, which can define entities, e.g. the \"billion laughs\" attack, or load external files)",
                "deklarację DOCTYPE (DTD, która może definiować encje, np. atak „billion laughs”, lub wczytywać zewnętrzne pliki)");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = bytes.LongLength * 2 + 1024,
        };
        using var output = new MemoryStream();
        var writerSettings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true, Indent = false };
        (double Width, double Height)? size;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            using (var writer = XmlWriter.Create(output, writerSettings))
            {
                size = Copy(reader, writer);
            }
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw Unsafe("a DOCTYPE declaration (a DTD)", "deklarację DOCTYPE (DTD)");
        }
        catch (XmlException e)
        {
            throw AssetProblems.DamagedFile(new(
                $"The SVG is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}).",
                $"SVG nie jest poprawnym dokumentem XML (wiersz {e.LineNumber}, pozycja {e.LinePosition})."));
        }

        if (size is not { } s)
        {
            throw AssetProblems.SvgWithoutSize();
        }

        var width = (long)Math.Ceiling(s.Width);
        var height = (long)Math.Ceiling(s.Height);
        if (width > limits.MaxImageSide || height > limits.MaxImageSide || width * height > limits.MaxImagePixels)
        {
            throw AssetProblems.TooManyPixels(AssetFormat.Svg, width, height, limits);
        }

        var sanitised = output.ToArray();
        SvgReuse.Check(sanitised);
        return new(AssetFormat.Svg, sanitised, (int)Math.Max(1, width), (int)Math.Max(1, height));
    }

    /// <summary>Copies the allowed nodes and returns the size the root element declares.</summary>
    private static (double, double)? Copy(XmlReader reader, XmlWriter writer)
    {
        (double, double)? size = null;
        var depth = 0;
        var inStyle = false;
        var more = reader.Read();
        while (more)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (depth == 0 && (reader.LocalName != "svg" || reader.NamespaceURI != SvgNamespace))
                    {
                        throw AssetProblems.Unsupported(new(
                            $"an XML document whose root element <{reader.Name}> is not an <svg> in the SVG namespace ({SvgNamespace})",
                            $"dokumentem XML, którego element główny <{reader.Name}> nie jest elementem <svg> w przestrzeni nazw SVG ({SvgNamespace})"));
                    }

                    if (!Allowed(reader))
                    {
                        // Skip moves past the element and its content onto the next node, which must not be read past.
                        reader.Skip();
                        more = reader.ReadState == ReadState.Interactive;
                        continue;
                    }

                    if (depth == 0)
                    {
                        size = RootSize(reader);
                    }

                    StartElement(reader, writer, depth);
                    if (reader.IsEmptyElement)
                    {
                        writer.WriteEndElement();
                    }
                    else
                    {
                        depth++;
                        inStyle = reader.LocalName == "style";
                        if (depth > MaxDepth)
                        {
                            throw Unsafe($"elements nested more than {MaxDepth} levels deep", $"elementy zagnieżdżone głębiej niż {MaxDepth} poziomów");
                        }
                    }

                    break;
                case XmlNodeType.EndElement:
                    writer.WriteFullEndElement();
                    depth--;
                    inStyle = false;
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    if (inStyle)
                    {
                        CheckValue("<style>", reader.Value, css: true);
                    }

                    writer.WriteString(reader.Value);
                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (depth > 0)
                    {
                        writer.WriteWhitespace(reader.Value);
                    }

                    break;
                case XmlNodeType.DocumentType:
                    throw Unsafe("a DOCTYPE declaration (a DTD)", "deklarację DOCTYPE (DTD)");
                default:
                    // The XML declaration; entity references cannot occur without a DTD.
                    break;
            }

            more = reader.Read();
        }

        return size;
    }

    /// <summary>
    /// Whether to copy the element: true for allowed SVG elements, false for <c>metadata</c> and editors' namespaces (dropped
    /// with their content); anything else, in the SVG or the XHTML namespace, is refused by name.
    /// </summary>
    private static bool Allowed(XmlReader reader)
    {
        var name = reader.LocalName;
        var ns = reader.NamespaceURI;
        if (name.Equals("script", StringComparison.OrdinalIgnoreCase))
        {
            throw Unsafe("a <script> element; images may not run scripts", "element <script>; obrazy nie mogą uruchamiać skryptów");
        }

        if (name.Equals("foreignObject", StringComparison.OrdinalIgnoreCase))
        {
            throw Unsafe("a <foreignObject> element, which embeds HTML in the drawing; convert its text to SVG <text>",
                "element <foreignObject>, który osadza HTML w rysunku; zamień jego tekst na element SVG <text>");
        }

        if (ns == XhtmlNamespace)
        {
            throw Unsafe($"an HTML element <{reader.Name}>", $"element HTML <{reader.Name}>");
        }

        if (ns != SvgNamespace)
        {
            // Another vocabulary (an editor's bookkeeping, RDF): browsers do not draw it, so it is left out.
            return false;
        }

        if (name == "metadata")
        {
            return false;
        }

        if (name == "image")
        {
            throw Unsafe("an <image> element, which loads or embeds a raster image; upload the image as an asset of its own",
                "element <image>, który wczytuje lub osadza obraz rastrowy; prześlij ten obraz jako osobny zasób");
        }

        if (!Elements.Contains(name))
        {
            throw Unsafe($"a <{name}> element, which is not among the allowed drawing elements (shapes, text, gradients, patterns, masks, filters)",
                $"element <{name}>, którego nie ma wśród dozwolonych elementów rysunku (kształty, tekst, gradienty, wzory, maski, filtry)");
        }

        return true;
    }

    private static void StartElement(XmlReader reader, XmlWriter writer, int depth)
    {
        var element = reader.LocalName;
        writer.WriteStartElement(element, SvgNamespace);
        if (depth == 0)
        {
            writer.WriteAttributeString("xmlns", SvgNamespace);
            writer.WriteAttributeString("xmlns", "xlink", null, XlinkNamespace);
        }

        if (!reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            var name = reader.LocalName;
            var ns = reader.NamespaceURI;
            var value = reader.Value;
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                throw Unsafe($"an event handler attribute {reader.Name}=\"…\" on <{element}>; images may not run scripts",
                    $"atrybut obsługi zdarzenia {reader.Name}=\"…\" w elemencie <{element}>; obrazy nie mogą uruchamiać skryptów");
            }

            if (ns == "http://www.w3.org/2000/xmlns/")
            {
                continue;
            }

            if (name == "href" && ns is "" or XlinkNamespace)
            {
                if (!value.Trim().StartsWith('#'))
                {
                    throw Unsafe($"a link {reader.Name}=\"{Shorten(value)}\" on <{element}> to something outside the drawing; only references within it (\"#id\") are allowed",
                        $"odnośnik {reader.Name}=\"{Shorten(value)}\" w elemencie <{element}> do czegoś spoza rysunku; dozwolone są tylko odwołania wewnątrz niego (\"#id\")");
                }

                // Written as xlink:href, which browsers and older renderers (Svg.Skia, for DOCX exports) all read.
                writer.WriteAttributeString("xlink", "href", XlinkNamespace, value);
                continue;
            }

            CheckValue($"{reader.Name}=\"…\" on <{element}>", value, css: name == "style");
            if (ns == XmlNamespace && name is "space" or "lang")
            {
                writer.WriteAttributeString("xml", name, XmlNamespace, value);
            }
            else if (ns == "" && (Attributes.Contains(name) || name.StartsWith("aria-", StringComparison.Ordinal) || name.StartsWith("data-", StringComparison.Ordinal)))
            {
                writer.WriteAttributeString(name, value);
            }
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
    }

    /// <summary>What may run code or fetch from elsewhere in an attribute value or a style sheet.</summary>
    private static void CheckValue(string where, string value, bool css)
    {
        var compact = Compact().Replace(value, "").ToLowerInvariant();
        if (compact.Contains("javascript:", StringComparison.Ordinal) || compact.Contains("vbscript:", StringComparison.Ordinal))
        {
            throw Unsafe($"a javascript: URL in {where}", $"adres javascript: w {where}");
        }

        foreach (Match url in UrlReference().Matches(value))
        {
            if (!url.Groups["target"].Value.StartsWith('#'))
            {
                throw Unsafe($"a reference url({Shorten(url.Groups["target"].Value)}) in {where} to something outside the drawing; only url(#id) is allowed",
                    $"odwołanie url({Shorten(url.Groups["target"].Value)}) w {where} do czegoś spoza rysunku; dozwolone jest tylko url(#id)");
            }
        }

        if (css && (compact.Contains("@import", StringComparison.Ordinal) || compact.Contains("expression(", StringComparison.Ordinal)))
        {
            throw Unsafe($"a CSS @import or expression() in {where}", $"regułę CSS @import lub expression() w {where}");
        }

        // CSS escapes (u\72l(…)) would hide a url( or @import from the checks above.
        if (css && value.Contains('\\', StringComparison.Ordinal))
        {
            throw Unsafe($"a CSS escape (backslash) in {where}", $"sekwencję ucieczki CSS (ukośnik wsteczny) w {where}");
        }
    }

    /// <summary>width/height in px or unitless (other absolute units converted at 96 px per inch), else the viewBox.</summary>
    private static (double, double)? RootSize(XmlReader reader)
    {
        var width = Length(reader.GetAttribute("width"));
        var height = Length(reader.GetAttribute("height"));
        var viewBox = ViewBox(reader.GetAttribute("viewBox"));
        return (width, height, viewBox) switch
        {
            ({ } w, { } h, _) => (w, h),
            ({ } w, null, { } v) => (w, w * v.Height / v.Width),
            (null, { } h, { } v) => (h * v.Width / v.Height, h),
            (_, _, { } v) => (v.Width, v.Height),
            _ => null,
        };
    }

    private static double? Length(string? value)
    {
        var match = value is null ? null : LengthPattern().Match(value);
        if (match is not { Success: true } || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0 || !double.IsFinite(n))
        {
            return null;
        }

        return match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "" or "px" => n,
            "in" => n * 96,
            "cm" => n * 96 / 2.54,
            "mm" => n * 96 / 25.4,
            "pt" => n * 96 / 72,
            "pc" => n * 16,
            // %, em and ex depend on where the image is shown: the viewBox says the size instead.
            _ => null,
        };
    }

    private static (double Width, double Height)? ViewBox(string? value)
    {
        var parts = value?.Split([' ', ',', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 4 }
            || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
            || !double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var h)
            || !(w > 0) || !(h > 0) || !double.IsFinite(w) || !double.IsFinite(h))
        {
            return null;
        }

        return (w, h);
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";

    private static Common.Problems.ProblemException Unsafe(string en, string pl) => AssetProblems.UnsafeSvgFile(new Text(
        $"The SVG contains {en}. Remove it and upload the drawing again.",
        $"SVG zawiera {pl}. Usuń to i prześlij rysunek ponownie."));

    [GeneratedRegex(@"[\s\u0000-\u001f]+")]
    private static partial Regex Compact();

    [GeneratedRegex(@"url\s*\(\s*['""]?\s*(?<target>[^)'""]*)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlReference();

    [GeneratedRegex(@"^\s*(?<n>[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)\s*(?<unit>[a-zA-Z%]*)\s*$")]
    private static partial Regex LengthPattern();
}
