// Step 1 of the pipeline at the HTTP door, before the body is read: a caller from a foreign Host or
// without valid credentials costs a header check, never a body read, a parse or an AWS call.
// Requests that carry no operation pass as nobody: CORS preflights (browsers send no credentials
// with them) and a browser asking for Apollo Sandbox's page when that is the IDE.
import type { IncomingMessage, ServerResponse } from "node:http";
import { NO_ONE } from "../auth/index.js";
import type { Caller, OperationPipeline } from "../pipeline/index.js";
import { Refusal } from "../pipeline/index.js";
import { requestIdOf } from "./requestId.js";
import { sendRefusal } from "./respond.js";

export interface AdmissionOptions {
  pipeline: OperationPipeline;
  /** True when Apollo itself serves a landing page (IDE=sandbox) to browsers on the GraphQL path. */
  apolloLandingPage: boolean;
}

function prefersHtml(req: IncomingMessage): boolean {
  return req.method === "GET" && /\btext\/html\b/.test(req.headers.accept ?? "");
}

/** The admitted caller, or undefined once it answered the refusal itself. */
export function createAdmission(options: AdmissionOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<Caller | undefined> => {
    const requestId = requestIdOf(req);
    if (req.method === "OPTIONS" || (options.apolloLandingPage && prefersHtml(req))) return { principal: NO_ONE, requestId, door: "http" };
    try {
      return await options.pipeline.admitCaller({ headers: req.headers, door: "http", method: req.method, requestId });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      // The body is left unread: a client still sending it gets the answer and a closed connection.
      res.setHeader("Connection", "close");
      sendRefusal(res, error);
      return undefined;
    }
  };
}
