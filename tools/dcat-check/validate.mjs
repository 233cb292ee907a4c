// Validates a Turtle file against the vendored SEMIC DCAT-AP 3.0.1 shapes (shapes/, see shapes/SOURCE.md) and prints a JSON
// report: counts by severity and every result (focus node, path, severity, message, shape). Exit 1 when any result is an
// sh:Violation, 0 otherwise (warnings and infos are reported, not fatal); 2 on a usage or parse error.
//   node validate.mjs FILE.ttl
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import factory from '@zazuko/env-node';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const file = process.argv[2];
if (!file) { console.error('usage: node validate.mjs FILE.ttl'); process.exit(2); }
const here = dirname(fileURLToPath(import.meta.url));

async function load(path, dataset) {
  for (const q of new Parser({ format: 'text/turtle', baseIRI: 'http://example.invalid/' }).parse(await readFile(path, 'utf8'))) dataset.add(q);
  return dataset;
}

const shapes = factory.dataset();
const shapeFiles = (await readdir(join(here, 'shapes'))).filter(f => f.endsWith('.ttl')).sort();
for (const f of shapeFiles) await load(join(here, 'shapes', f), shapes);
// The shape files import each other (owl:imports); all of them are vendored here and loaded above, so nothing is fetched.
for (const q of [...shapes.match(null, factory.namedNode('http://www.w3.org/2002/07/owl#imports'))]) shapes.delete(q);
const data = await load(file, factory.dataset());

const validator = new SHACLValidator(shapes, { factory });
const report = await validator.validate(data);
const term = t => t ? t.value : null;

// One known defect of the shapes (see shapes/SOURCE.md): mdr-vocabularies.shape.ttl's ChecksumAlgorithmRestriction asks the
// algorithm's IRI to match "^https://spdx.org/rdf/terms", but the SPDX namespace, and DCAT-AP 3.0.1's own examples, are
// http://spdx.org/rdf/terms#. A result of that shape is reported as a warning instead, and only when the value is in the SPDX
// namespace and typed spdx:ChecksumAlgorithm in the data, i.e. when the pattern is all that fails; anything else stays a violation.
const SPDX = 'http://spdx.org/rdf/terms#';
const erratum = r => term(r.sourceConstraintComponent) === 'http://www.w3.org/ns/shacl#NodeConstraintComponent'
  && r.message.some(m => m.value.includes('http://data.europa.eu/r5r#ChecksumAlgorithmRestriction'))
  && r.value?.termType === 'NamedNode' && r.value.value.startsWith(SPDX)
  && data.has(factory.quad(r.value, factory.namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), factory.namedNode(SPDX + 'ChecksumAlgorithm')));
let erratumResults = 0;
const results = report.results.map(r => ({
  focusNode: term(r.focusNode),
  path: term(r.path),
  severity: erratum(r) ? (erratumResults++, 'Warning') : term(r.severity)?.replace('http://www.w3.org/ns/shacl#', ''),
  message: r.message.map(m => m.value).join(' '),
  shape: term(r.sourceShape),
  value: term(r.value),
}));
const count = s => results.filter(r => r.severity === s).length;
const summary = { triples: data.size, shapeFiles, erratumResults, violations: count('Violation'), warnings: count('Warning'), infos: count('Info'), results };
process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
process.exit(summary.violations > 0 ? 1 : 0);
