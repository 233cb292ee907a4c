// A partner's path run against a live API with the client of partner-client.ts, unmodified generated types and all: what
// the contract promises a TypeScript client must hold for the answers the server really sends.
//
//   TRAININGAPI_API_KEY=<partner key> node dist/live-path.js <base URL> <open round id> <programme id>
//
// The key comes from the environment, not argv, as a secret would in production (argv is visible to every process).
// The round should already hold some of the partner's comments with a disposition: this script adds comments without one,
// so the list it reads has both, and the nullable `disposition` and `response` are read on real data both ways.
// Prints a JSON summary on stdout; exits 1 when any check fails (each named in `failures`), 2 on wrong usage.
import { partnerClient, ProblemError, type Schemas } from "./partner-client.js";

// Node's globals, as far as this script uses them: the client itself stays free of Node's types.
declare const process: { argv: string[]; env: Record<string, string | undefined>; exitCode?: number };

const UnprocessableContent = "https://trainingapi.ore.edu.pl/problems/unprocessable-content";

const failures: string[] = [];
function check(holds: boolean, what: string): void {
  if (!holds) failures.push(what);
}

/** Runs one step; a throw fails the step (named) instead of ending the script without a summary. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (e) {
    failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

function batch(reference: string, anchor = "modul-2"): Schemas["SubmitCommentsRequest"] {
  return {
    externalReference: reference,
    comments: [
      { anchor, content: "Brakuje podziału ról między JST i szkoły.", proposedChange: "Dodać jednostkę o rolach.", justification: null, quote: null, memberJst: "1465011" },
      { content: "Program jest za długi dla małych gmin." },
    ],
  };
}

async function livePath(baseUrl: string, apiKey: string, roundId: string, programmeId: string): Promise<Record<string, unknown>> {
  const zmp = partnerClient(baseUrl, apiKey);
  const reference = `ZMP/TS/${crypto.randomUUID().slice(0, 8)}`;
  const key = crypto.randomUUID();

  // Sent twice under one Idempotency-Key: one submission, the second answer replayed.
  const first = await step("first submission", () => zmp.submit(roundId, batch(reference), key));
  const again = await step("repeated submission", () => zmp.submit(roundId, batch(reference), key));
  const submissionId = first?.submission.id;
  if (first !== undefined && again !== undefined) {
    check(!first.replayed, "the first submission is not marked Idempotent-Replayed");
    check(again.replayed, "the repeated submission is marked Idempotent-Replayed: true");
    check(again.submission.id === first.submission.id, "the repeated submission answers the same submission");
    check(first.submission.commentCount === 2 && first.submission.comments.length === 2, "the submission holds both comments");
    check(first.submission.source === "partner-system", "a partner's submission comes from its system");
    check(first.submission.externalReference === reference, "the submission keeps its external reference");
  }

  // The whole list: this script's comments without a disposition, the ones the round already had with one.
  const all = (await step("comments", () => zmp.comments(roundId))) ?? [];
  const own = all.filter((c) => c.submissionId === submissionId);
  const disposed = all.filter((c) => c.disposition !== null);
  check(own.length === 2, "the list holds this submission's two comments");
  for (const c of own) {
    const disposition: Schemas["Disposition"] | null = c.disposition;
    const response: string | null = c.response;
    check(c.status === "awaiting-disposition" && disposition === null && response === null && c.disposedAt === null,
      `comment ${c.id} just sent awaits a disposition, with null disposition, response and disposedAt`);
  }
  check(disposed.length > 0, "the round holds comments with a disposition (the scene must give some)");
  for (const c of disposed) {
    check(c.status !== "awaiting-disposition" && c.response !== null && c.disposedAt !== null,
      `disposed comment ${c.id} has its status, response and time`);
  }

  // Filtered by status, as the contract's enum spells it: only the disposed ones come.
  const onlyDisposed = (await step("disposed comments", () => zmp.comments(roundId, { status: "disposed" }))) ?? [];
  check(onlyDisposed.length > 0 && onlyDisposed.every((c) => c.status === "disposed" && c.disposition !== null),
    "the status=disposed filter gives only disposed comments");
  check(onlyDisposed.every((c) => disposed.some((d) => d.id === c.id)), "the filtered list is part of the whole");

  // The public catalogue: the programme's latest release and its ZIP.
  const latest = await step("latest release", () => zmp.latestRelease(programmeId));
  let zip: Uint8Array | undefined;
  if (latest !== undefined) {
    check(latest.latest && latest.programmeId === programmeId, "the latest release is marked latest and is the programme's");
    check(latest.files.some((f) => f.format === "zip"), "the latest release offers a ZIP");
    zip = await step("release ZIP", async () => new Uint8Array(await zmp.releaseZip(latest.id)));
    check(zip !== undefined && zip.length > 22 && zip[0] === 0x50 && zip[1] === 0x4b, "the release file is a ZIP (starts with PK)");
  }

  // A refusal, read as the contract's typed problem: an anchor the version does not have stores nothing.
  let refusal: Record<string, unknown> | undefined;
  try {
    await zmp.submit(roundId, batch(`${reference}-X`, "no-such-anchor"), crypto.randomUUID());
    failures.push("a comment on an unknown anchor is refused");
  } catch (e) {
    if (e instanceof ProblemError) {
      refusal = { status: e.status, type: e.problem.type, code: e.problem.code ?? null, traceId: e.problem.traceId };
      check(e.status === 422 && e.problem.status === 422, "the refusal is a 422, in the answer and in the problem");
      check(e.problem.type === UnprocessableContent && e.problem.code === "unknown-anchor", "the refusal's type and code name the unknown anchor");
      check(e.problem.traceId.length > 0, "the problem carries a trace id");
    } else {
      failures.push(`refusal: not a typed problem but ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return {
    submission: first === undefined ? null : {
      id: first.submission.id, externalReference: reference, commentCount: first.submission.commentCount,
      commentIds: first.submission.comments.map((c) => c.id), firstReplayed: first.replayed, againReplayed: again?.replayed ?? null,
      againId: again?.submission.id ?? null,
    },
    comments: {
      total: all.length,
      awaiting: all.filter((c) => c.disposition === null).map((c) => c.id),
      disposed: disposed.map((c) => ({ id: c.id, disposition: c.disposition, response: c.response })),
      filteredDisposed: onlyDisposed.map((c) => c.id),
    },
    latestRelease: latest === undefined ? null : { id: latest.id, semanticVersion: latest.semanticVersion, latest: latest.latest },
    zip: zip === undefined ? null : { bytes: zip.length, signature: String.fromCharCode(zip[0] ?? 0, zip[1] ?? 0) },
    refusal: refusal ?? null,
  };
}

const [baseUrl, roundId, programmeId] = process.argv.slice(2);
const apiKey = process.env["TRAININGAPI_API_KEY"];
if (baseUrl === undefined || roundId === undefined || programmeId === undefined || apiKey === undefined) {
  console.error("usage: TRAININGAPI_API_KEY=<partner key> node dist/live-path.js <base URL> <open round id> <programme id>");
  process.exitCode = 2;
} else {
  const summary = await livePath(baseUrl, apiKey, roundId, programmeId).catch((e: unknown) => {
    failures.push(`unexpected: ${e instanceof Error ? e.message : String(e)}`);
    return {};
  });
  console.log(JSON.stringify({ ok: failures.length === 0, failures, ...summary }, null, 2));
  process.exitCode = failures.length === 0 ? 0 : 1;
}
