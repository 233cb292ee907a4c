// A partner's client of the API with the types openapi-typescript generates from api-spec/openapi.json
// (into src/generated/, git-ignored) and openapi-fetch. scripts/check-ts-client.sh type-checks it (strict); src/live-path.ts
// runs it against a live API in tests/TrainingApi.Tests/Common/OpenApi/TypeScriptClientTests.cs, the same path as the C#
// clients in GeneratedClientTests.cs and NSwagClientTests.cs beside it.
import createClient from "openapi-fetch";
import type { components, operations, paths } from "./generated/openapi";

export type Schemas = components["schemas"];
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

export interface Submitted {
  submission: Schemas["SubmissionView"];
  /** The answer was the stored one of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/** The list's filters as the contract declares them; paging is the client's business. */
export type CommentFilter = Omit<NonNullable<operations["ListConsultationComments"]["parameters"]["query"]>, "limit" | "cursor">;

export function partnerClient(baseUrl: string, apiKey: string) {
  const api = createClient<paths>({ baseUrl, headers: { "X-Api-Key": apiKey } });

  return {
    /**
     * A batch of comments, retried safely with one Idempotency-Key: a retry answers the first submission again, marked
     * `Idempotent-Replayed: true`.
     */
    async submit(roundId: string, batch: Schemas["SubmitCommentsRequest"], idempotencyKey: string): Promise<Submitted> {
      const { data, error, response } = await api.POST("/api/v1/consultation-rounds/{roundId}/submissions", {
        params: { path: { roundId }, header: { "Idempotency-Key": idempotencyKey } },
        body: batch,
      });
      if (error !== undefined) refused(response, error);
      return { submission: data, replayed: response.headers.get("Idempotent-Replayed") === "true" };
    },

    /** The round's comments (those of the filter, if any) with their dispositions, every page. */
    async comments(roundId: string, filter: CommentFilter = {}): Promise<Schemas["CommentView"][]> {
      const all: Schemas["CommentView"][] = [];
      let cursor: string | undefined;
      do {
        const { data, error, response } = await api.GET("/api/v1/consultation-rounds/{roundId}/comments", {
          params: { path: { roundId }, query: { ...filter, limit: 100, ...(cursor === undefined ? {} : { cursor }) } },
        });
        if (error !== undefined) refused(response, error);
        all.push(...data.items);
        cursor = data.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return all;
    },

    /** The consultation report as an XLSX workbook: a partner gets it once published, so the live path (an open round) skips it. */
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

    /** The public catalogue's latest release (of one programme, if given). */
    async latestRelease(programmeId?: string): Promise<Schemas["CatalogueRelease"]> {
      const { data, error, response } = await api.GET("/api/v1/catalogue/releases/latest", {
        params: { query: programmeId === undefined ? {} : { programmeId } },
      });
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
