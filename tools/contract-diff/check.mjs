// Compares the contract with the released baseline (api-smart-diff classifies every change) and fails on a breaking
// change that the "Unreleased" section of the changelog does not declare.
//   node check.mjs <baseline.json> <contract.json> <changelog.md>
// Exit 0: nothing breaking, or every breaking change declared; 1: an undeclared breaking change; 2: cannot run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiCompare } from 'api-smart-diff';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
export const KINDS = ['operation-removed', 'parameter', 'request-body', 'status-removed', 'media-type-removed',
  'response-body', 'response-header', 'security', 'other'];

// The kind of a breaking change, from where it is in the operation (path after paths/<url>/<method>).
function kindOf(rest, action) {
  if (rest.length === 0) return 'operation-removed';
  const [area, status, part] = rest;
  if (area === 'parameters') return 'parameter';
  if (area === 'requestBody') return rest[1] === 'content' && rest.length === 3 && action === 'remove' ? 'media-type-removed' : 'request-body';
  if (area === 'responses') {
    if (rest.length === 2 && action === 'remove') return 'status-removed';
    if (part === 'content' && rest.length === 4 && action === 'remove') return 'media-type-removed';
    if (part === 'headers') return 'response-header';
    if (status !== undefined) return 'response-body';
  }
  if (area === 'security') return 'security';
  return 'other';
}

// api-smart-diff classifies any change of `type` as breaking in a request and never in a response, whichever way it
// goes. Judge it by the sets instead: a request must still accept every type it accepted, a response may send no new
// one (3.1 writes "may be null" as type: [..., "null"], so this is what catches a response member becoming nullable).
const typeSet = t => new Set((Array.isArray(t) ? t : [t]).flatMap(x => (x === 'number' ? ['number', 'integer'] : [x])));
const covers = (outer, inner) => [...typeSet(inner)].every(x => typeSet(outer).has(x));
function reclassifyType(d) {
  const last = d.path.at(-1), prev = d.path.at(-2);
  const isTypeValue = v => typeof v === 'string' || (Array.isArray(v) && v.every(x => typeof x === 'string'));
  if (d.action !== 'replace' || last !== 'type' || prev === 'properties' || !isTypeValue(d.before) || !isTypeValue(d.after)) return d.type;
  const inResponse = d.path.includes('responses');
  return (inResponse ? covers(d.before, d.after) : covers(d.after, d.before)) ? 'non-breaking' : 'breaking';
}

// Where in the operation, readably: "responses 200 application/json: items[].email.type", "parameter region".
// An item of a list (required, enum, type) is shown by its value, not its index.
function where(rest, operation, value) {
  if (rest.length === 0) return 'operation';
  if (rest[0] === 'parameters') {
    const p = operation?.parameters?.[rest[1]];
    return [`parameter ${p?.name ?? rest[1]}`, ...rest.slice(2)].join(' ');
  }
  const c = rest.indexOf('content');
  const head = c < 0 ? rest : rest.slice(0, c + 2);
  const schema = c < 0 ? [] : rest.slice(rest[c + 2] === 'schema' ? c + 3 : c + 2);
  const item = /^\d+$/.test(schema.at(-1) ?? '') && (value === null || typeof value !== 'object') ? ` ${JSON.stringify(value)}` : '';
  const tokens = (item ? schema.slice(0, -1) : schema).filter(t => t !== 'properties');
  const pointer = tokens.join('.').replace(/(^|\.)items(?=\.|$)/g, '[]') + item;
  return head.filter(t => t !== 'content').join(' ') + (pointer ? `: ${pointer}` : '');
}

// Breaking changes grouped by operation and kind: [{ op: 'GET /api/v1/x', kind, where: [...] }].
export function breakingChanges(baseline, contract) {
  const { diffs } = apiCompare(baseline, contract);
  const groups = new Map();
  const add = (op, kind, where) => {
    const key = `${op} ${kind}`;
    if (!groups.has(key)) groups.set(key, { op, kind, where: [] });
    groups.get(key).where.push(where);
  };
  for (const d of diffs) {
    // Only what is reached from an operation counts: components are compared again where they are used, in context.
    if (d.path[0] !== 'paths' || reclassifyType(d) !== 'breaking') continue;
    const [, url, method, ...rest] = d.path.map(String);
    const before = baseline.paths?.[url] ?? {};
    if (method === undefined || !METHODS.includes(method)) {
      // The path item itself: removed (every operation under it), or its shared parameters changed.
      const kind = method === undefined ? 'operation-removed' : method === 'parameters' ? 'parameter' : 'other';
      for (const m of METHODS.filter(m => before[m])) add(`${m.toUpperCase()} ${url}`, kind, [method, ...rest].filter(Boolean).join('/'));
      continue;
    }
    const source = d.action === 'add' ? contract : baseline;
    add(`${method.toUpperCase()} ${url}`, kindOf(rest, d.action), `${d.action} ${where(rest, source.paths?.[url]?.[method], d.action === 'remove' ? d.before : d.after)}`);
  }
  return [...groups.values()];
}

// Declarations: list items under the changelog's "Unreleased" heading, one per operation and kind, the operation in
// plain text (inline code naming an API call must be an operation of the contract, which a removed one no longer is):
//   - Breaking: DELETE /api/v1/things/{id} operation-removed — why, and what integrators do instead.
export function declarations(markdown) {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex(l => /^#{2,4}\s+Unreleased\b/i.test(l));
  if (start < 0) return [];
  const level = lines[start].match(/^#+/)[0].length;
  const out = [];
  for (const line of lines.slice(start + 1)) {
    const h = line.match(/^(#+)\s/);
    if (h && h[1].length <= level) break;
    const m = line.match(/^\s*[-*]\s+Breaking:\s+`?([A-Za-z]+)\s+(\/[^`\s]*)`?\s+([a-z-]+)/);
    if (m) out.push({ op: `${m[1].toUpperCase()} ${m[2]}`, kind: m[3] });
  }
  return out;
}

function main([baselinePath, contractPath, changelogPath]) {
  let baseline, contract, changelog;
  try {
    baseline = JSON.parse(fs.readFileSync(baselinePath, 'utf8'));
    contract = JSON.parse(fs.readFileSync(contractPath, 'utf8'));
    changelog = fs.readFileSync(changelogPath, 'utf8');
  } catch (e) {
    console.error(`check-contract-changes: ${e.message}`);
    return 2;
  }
  for (const [name, doc] of [[baselinePath, baseline], [contractPath, contract]]) {
    if (!/^3\./.test(doc?.openapi ?? '') || typeof doc.paths !== 'object' || doc.paths === null || Array.isArray(doc.paths)) {
      console.error(`check-contract-changes: ${name} is not an OpenAPI 3 document with paths`);
      return 2;
    }
  }
  let found;
  try {
    found = breakingChanges(baseline, contract);
  } catch (e) {
    console.error(`check-contract-changes: the comparison failed: ${e.stack ?? e}`);
    return 2;
  }
  const declared = declarations(changelog);
  const isDeclared = c => declared.some(d => d.op === c.op && d.kind === c.kind);
  const unknownKinds = declared.filter(d => !KINDS.includes(d.kind));
  for (const d of unknownKinds) console.log(`warning: declared kind "${d.kind}" (${d.op}) is none of: ${KINDS.join(', ')}`);
  for (const d of declared.filter(d => !found.some(c => c.op === d.op && c.kind === d.kind)))
    console.log(`note: declared but not found in the diff (remove it if the change was undone): ${d.op} ${d.kind}`);

  const show = c => `  ${c.op} ${c.kind}\n${c.where.slice(0, 5).map(w => `      ${w}`).join('\n')}` +
    (c.where.length > 5 ? `\n      … and ${c.where.length - 5} more` : '');
  const ok = found.filter(isDeclared), missing = found.filter(c => !isDeclared(c));
  console.log(`Compared ${contractPath} with the released ${baselinePath}: ${found.length} breaking change(s) by operation and kind, ${ok.length} declared.`);
  if (ok.length) console.log(`Declared in ${changelogPath}:\n${ok.map(show).join('\n')}`);
  if (!missing.length) return 0;
  console.log(`\nBreaking, not declared:\n${missing.map(show).join('\n')}`);
  console.log(`\nIf the change is meant, declare each under "### Unreleased" in the changelog of ${changelogPath}, saying why` +
    ` and what integrators do instead:\n${missing.map(c => `- Breaking: ${c.op} ${c.kind} — …`).join('\n')}\n` +
    'If it is not meant, change the code so that the regenerated contract keeps what integrators rely on.');
  return 1;
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) process.exitCode = main(process.argv.slice(2));
