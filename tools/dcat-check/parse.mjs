// Parses an RDF file with the registry's parsers (n3 for Turtle, jsonld for JSON-LD, rdfxml-streaming-parser for RDF/XML)
// and prints the graph as sorted, de-duplicated N-Triples, so two serialisations can be compared line by line.
//   node parse.mjs turtle|jsonld|rdfxml FILE [BASE]
import { readFile } from 'node:fs/promises';
import { Parser, Writer } from 'n3';
import jsonld from 'jsonld';
import { RdfXmlParser } from 'rdfxml-streaming-parser';

const [format, file, base = 'http://example.invalid/'] = process.argv.slice(2);
if (!format || !file) { console.error('usage: node parse.mjs turtle|jsonld|rdfxml FILE [BASE]'); process.exit(2); }
const text = await readFile(file, 'utf8');

async function quads() {
  if (format === 'turtle') return new Parser({ baseIRI: base, format: 'text/turtle' }).parse(text);
  if (format === 'jsonld') {
    // No document loader: the catalogue inlines its @context, so a remote context would be an error, not a fetch.
    const nquads = await jsonld.toRDF(JSON.parse(text), { format: 'application/n-quads', base,
      documentLoader: url => { throw new Error(`remote context not allowed: ${url}`); } });
    return new Parser({ format: 'N-Quads' }).parse(nquads);
  }
  if (format === 'rdfxml') {
    return await new Promise((resolve, reject) => {
      const out = [];
      const parser = new RdfXmlParser({ baseIRI: base });
      parser.on('data', q => out.push(q)).on('error', reject).on('end', () => resolve(out));
      parser.write(text); parser.end();
    });
  }
  throw new Error(`unknown format ${format}`);
}

const writer = new Writer({ format: 'N-Triples' });
const lines = new Set((await quads()).map(q => writer.quadToString(q.subject, q.predicate, q.object).trim()));
process.stdout.write([...lines].sort().join('\n') + (lines.size ? '\n' : ''));
