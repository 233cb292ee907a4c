// Proves that the check fails: breaks copies of the contract in the ways integrators would feel, and expects each
// to be refused unless declared. The targets are picked from the contract (the first operation that has the needed
// shape), so the test follows the contract as it changes.
//   node self-test.mjs <contract.json>
// Each case runs check.mjs as CI does, on a copy trimmed to the operations the cases touch (components whole):
// the comparison costs seconds per operation set, and the full document is compared by the check itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const contract = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const schemas = contract.components?.schemas ?? {};
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const ops = Object.entries(contract.paths).flatMap(([url, item]) =>
  METHODS.filter(m => item[m]).map(m => ({ url, method: m, op: item[m], name: `${m.toUpperCase()} ${url}` })));
const deref = s => (s?.$ref ? schemas[s.$ref.split('/').at(-1)] : s);
const jsonBody = o => deref(o.op.requestBody?.content?.['application/json']?.schema);
const jsonResponse = o => deref(o.op.responses?.['200']?.content?.['application/json']?.schema ?? o.op.responses?.['201']?.content?.['application/json']?.schema);
// The schema of an enum a request member takes, directly or as the non-null branch of a nullable one.
const memberEnum = p => [deref(p), ...(p.oneOf ?? []).map(deref)].find(s => Array.isArray(s?.enum) && s.enum.filter(v => v !== null).length > 1);
function pick(what, test) {
  const found = ops.find(test);
  if (!found) throw new Error(`self-test: no operation in the contract has ${what}`);
  return found;
}

const removed = pick('any operation', () => true);
const withResponseField = pick('a JSON response with a required member', o => jsonResponse(o)?.required?.length > 0);
const withOptionalMember = pick('a JSON request body with an optional member', o =>
  Object.keys(jsonBody(o)?.properties ?? {}).some(p => !(jsonBody(o).required ?? []).includes(p)));
const withEnumMember = pick('a JSON request body member that is an enum', o =>
  Object.values(jsonBody(o)?.properties ?? {}).some(memberEnum));
const withOk = pick('a 200 response', o => o.op.responses?.['200']);
const withTwoMedia = pick('a response with two media types', o =>
  Object.values(o.op.responses ?? {}).some(r => Object.keys(r.content ?? {}).length > 1));
const typed = s => Object.values(s?.properties ?? {}).find(p => typeof p.type === 'string');
const withTypedResponseField = pick('a JSON response member with one type', o => typed(jsonResponse(o)));
const withTypedRequestField = pick('a JSON request member with one type', o => typed(jsonBody(o)));
const touched = [removed, withResponseField, withOptionalMember, withEnumMember, withOk, withTwoMedia, withTypedResponseField, withTypedRequestField];

// Each mutation works on a deep copy; a component changed here changes every operation that uses it, as in real life.
const op = (d, o) => d.paths[o.url][o.method];
const schemaIn = (d, s) => (s?.$ref ? d.components.schemas[s.$ref.split('/').at(-1)] : s);
const body = (d, o) => schemaIn(d, op(d, o).requestBody.content['application/json'].schema);
const typedMember = (d, o) => {
  const r = op(d, o).responses;
  return typed(schemaIn(d, (r['200'] ?? r['201']).content['application/json'].schema));
};
const cases = [
  { name: `operation removed (${removed.name})`, expect: 1, kind: `${removed.name} operation-removed`, mutate: d => { delete d.paths[removed.url][removed.method]; } },
  { name: `response member removed (${withResponseField.name})`, expect: 1, kind: `${withResponseField.name} response-body`, mutate: d => {
    const r = op(d, withResponseField).responses;
    const s = schemaIn(d, (r['200'] ?? r['201']).content['application/json'].schema);
    const member = s.required[0];
    delete s.properties[member];
    s.required = s.required.filter(x => x !== member);
  } },
  { name: `request member made required (${withOptionalMember.name})`, expect: 1, kind: `${withOptionalMember.name} request-body`, mutate: d => {
    const s = body(d, withOptionalMember);
    s.required = [...(s.required ?? []), Object.keys(s.properties).find(p => !(s.required ?? []).includes(p))];
  } },
  { name: `enum value removed from a request member (${withEnumMember.name})`, expect: 1, kind: `${withEnumMember.name} request-body`, mutate: d => {
    const s = body(d, withEnumMember);
    const p = Object.values(s.properties).find(memberEnum);
    const e = [schemaIn(d, p), ...(p.oneOf ?? []).map(x => schemaIn(d, x))].find(x => Array.isArray(x?.enum) && x.enum.length > 1);
    e.enum = e.enum.filter(v => v !== e.enum.filter(x => x !== null).at(-1));
  } },
  { name: `status removed (200 of ${withOk.name})`, expect: 1, kind: `${withOk.name} status-removed`, mutate: d => { delete op(d, withOk).responses['200']; } },
  { name: `response media type removed (${withTwoMedia.name})`, expect: 1, kind: `${withTwoMedia.name} media-type-removed`, mutate: d => {
    const r = Object.values(op(d, withTwoMedia).responses).find(x => Object.keys(x.content ?? {}).length > 1);
    delete r.content[Object.keys(r.content).at(-1)];
  } },
  { name: `response member may now be null (${withTypedResponseField.name})`, expect: 1, kind: `${withTypedResponseField.name} response-body`,
    mutate: d => { const m = typedMember(d, withTypedResponseField); m.type = [m.type, 'null']; } },
  { name: `request member accepts null too (${withTypedRequestField.name})`, expect: 0, mutate: d => {
    const m = Object.values(body(d, withTypedRequestField).properties).find(p => typeof p.type === 'string');
    m.type = [m.type, 'null'];
  } },
  { name: 'additions only (an optional request member, a new operation)', expect: 0, mutate: d => {
    body(d, withOptionalMember).properties.selfTestNote = { type: 'string' };
    d.paths['/api/v1/self-test'] = { get: { operationId: 'SelfTest', responses: { 204: { description: 'No Content' } } } };
  } },
  { name: 'unchanged', expect: 0, mutate: () => {} },
  { name: `operation removed, declared under Unreleased`, expect: 0, mutate: d => { delete d.paths[removed.url][removed.method]; },
    changelog: `## Changes\n\n### Unreleased\n\n- Breaking: ${removed.name} operation-removed — self-test.\n\n### 2020-01-01\n\n- First release.\n` },
  { name: `operation removed, declared only under a released version`, expect: 1, kind: `${removed.name} operation-removed`, mutate: d => { delete d.paths[removed.url][removed.method]; },
    changelog: `## Changes\n\n### Unreleased\n\n### 2020-01-01\n\n- Breaking: ${removed.name} operation-removed — too late.\n` },
];

const trimmed = structuredClone(contract);
trimmed.paths = Object.fromEntries([...new Set(touched.map(o => o.url))].map(u => [u, contract.paths[u]]));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-self-test-'));
const baselinePath = path.join(dir, 'baseline.json');
fs.writeFileSync(baselinePath, JSON.stringify(trimmed));
let failures = 0;
for (const [i, c] of cases.entries()) {
  const copy = structuredClone(trimmed);
  c.mutate(copy);
  const contractPath = path.join(dir, `case-${i}.json`), changelogPath = path.join(dir, `case-${i}.md`);
  fs.writeFileSync(contractPath, JSON.stringify(copy));
  fs.writeFileSync(changelogPath, c.changelog ?? '## Changes\n\n### Unreleased\n');
  const run = spawnSync(process.execPath, [path.join(here, 'check.mjs'), baselinePath, contractPath, changelogPath], { encoding: 'utf8' });
  const reported = [...run.stdout.matchAll(/^ {2}(\S+ \S+ [a-z-]+)$/gm)].map(m => m[1]);
  // A refusal counts only for the reason the case is about.
  const ok = run.status === c.expect && (!c.kind || reported.includes(c.kind));
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${c.name}: exit ${run.status}, expected ${c.expect ? 'a refusal (1)' : 'a pass (0)'}` +
    (reported.length ? `\n       reported: ${reported.join('; ')}` : ''));
  if (!ok) console.log(run.stdout + run.stderr);
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`self-test: ${cases.length - failures} of ${cases.length} cases as expected`);
process.exitCode = failures ? 1 : 0;
