// A partner's path through the API with the types openapi-typescript generates from api-spec/openapi.json
// (into src/generated/, git-ignored) and openapi-fetch. Only type-checked (scripts/check-ts-client.sh, in CI): it shows
// what the contract promises a TypeScript client, the same path as tests/…/Common/OpenApi/GeneratedClientTests.cs.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/openapi";

type Schemas = components["schemas"];
export type Problem = Schemas["ProblemDetails"] | Schemas["HttpValidationProblemDetails"];

/** A refusal, typed as the contract describes it: switch on `type` and `code`, never on the text. */
export class ProblemError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(`${problem.type} (${problem.status}) ${problem.detail ?? ""}`);
  }
}

function refused(response: Response, problem: Problem | undefined): never {
  // A refusal without a problem body (a proxy's, say) still becomes one, as the contract's schema has it.
  throw new ProblemError(response.status, problem ?? {
    type: "about:blank", title: response.statusText, status: response.status, instance: new URL(response.url).pathname, traceId: "", code: "about:blank",
  });
}

export function partnerClient(baseUrl: string, apiKey: string) {
  const api = createClient<paths>({ baseUrl, headers: { "X-Api-Key": apiKey } });

  return {
    /** A batch of comments, retried safely with one Idempotency-Key. */
    async submit(roundId: string, batch: Schemas["SubmitCommentsRequest"], idempotencyKey: string): Promise<Schemas["SubmissionView"]> {
      const { data, error, response } = await api.POST("/api/v1/consultation-rounds/{roundId}/submissions", {
        params: { path: { roundId }, header: { "Idempotency-Key": idempotencyKey } },
        body: batch,
      });
      if (error !== undefined) refused(response, error);
      const replayed: boolean = response.headers.get("Idempotent-Replayed") === "true";
      void replayed;
      return data;
    },

    /** The round's comments with their dispositions, every page. */
    async comments(roundId: string): Promise<Schemas["CommentView"][]> {
      const all: Schemas["CommentView"][] = [];
      let cursor: string | undefined;
      do {
        const { data, error, response } = await api.GET("/api/v1/consultation-rounds/{roundId}/comments", {
          params: { path: { roundId }, query: { limit: 100, ...(cursor === undefined ? {} : { cursor }) } },
        });
        if (error !== undefined) refused(response, error);
        all.push(...data.items);
        cursor = data.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return all;
    },

    /** The consultation report as an XLSX workbook. */
    async reportXlsx(roundId: string): Promise<Blob> {
      const { data, error, response } = await api.GET("/api/v1/consultation-rounds/{roundId}/report", {
        params: { path: { roundId }, query: { format: "xlsx" } },
        headers: { Accept: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        parseAs: "blob",
      });
      if (error !== undefined) refused(response, error);
      if (data === undefined) throw new Error(`No workbook in the answer (${response.status})`);
      return data;
    },

    /** The public catalogue's latest release. */
    async latestRelease(): Promise<Schemas["CatalogueRelease"]> {
      const { data, error, response } = await api.GET("/api/v1/catalogue/releases/latest");
      if (error !== undefined) refused(response, error);
      return data;
    },

    /** A published release's ZIP. */
    async releaseZip(releaseId: string): Promise<ArrayBuffer> {
      const { data, error, response } = await api.GET("/api/v1/catalogue/releases/{releaseId}/files/{format}", {
        params: { path: { releaseId, format: "zip" } },
        parseAs: "arrayBuffer",
      });
      if (error !== undefined) refused(response, error);
      // Without a Range header the answer is the whole file (200); the contract also allows 206 and 304, which carry none here.
      if (data === undefined) throw new Error(`No file in the answer (${response.status})`);
      return data;
    },
  };
}

/** The whole path, as ZMP's system would run it. */
export async function partnerPath(baseUrl: string, apiKey: string, roundId: string): Promise<void> {
  const zmp = partnerClient(baseUrl, apiKey);
  const batch: Schemas["SubmitCommentsRequest"] = {
    externalReference: "ZMP/KONS/2026/001",
    comments: [
      { anchor: "modul-2", content: "Brakuje podziału ról między JST i szkoły.", proposedChange: "Dodać jednostkę o rolach.", justification: null, quote: null, memberJst: "1465011" },
    ],
  };
  const submission = await zmp.submit(roundId, batch, crypto.randomUUID());
  const commentIds: string[] = submission.comments.map((c) => c.id);

  const disposed = (await zmp.comments(roundId)).filter((c) => commentIds.includes(c.id) && c.status === "disposed");
  const answers: (string | null)[] = disposed.map((c) => c.response);
  const dispositions: (Schemas["Disposition"] | null)[] = disposed.map((c) => c.disposition);
  void answers;
  void dispositions;

  const workbook: Blob = await zmp.reportXlsx(roundId);
  const latest = await zmp.latestRelease();
  const zip: ArrayBuffer = await zmp.releaseZip(latest.id);
  void workbook;
  void zip;

  try {
    await zmp.submit(roundId, batch, crypto.randomUUID());
  } catch (e) {
    if (e instanceof ProblemError && e.problem.type === "https://trainingapi.ore.edu.pl/problems/conflict" && "code" in e.problem && e.problem.code === "round-not-open") {
      return;
    }
    throw e;
  }
}

/** What the contract refuses at compile time: required members are required. */
export async function requiredMembersAreEnforced(baseUrl: string, token: string): Promise<void> {
  const team = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  // @ts-expect-error a programme needs a title: `{}` must not type-check as a CreateProgramme body
  await team.POST("/api/v1/programmes", { body: {} });
  await team.POST("/api/v1/programmes", { body: { title: "Zarządzanie cyfryzacją szkół w JST" } });

  const comment: Schemas["SubmitCommentsCommentRequest"] = { content: "Treść uwagi." };
  // @ts-expect-error a batch needs its comments
  const noComments: Schemas["SubmitCommentsRequest"] = { externalReference: "ZMP/1" };
  void comment;
  void noComments;
}
