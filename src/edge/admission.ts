// Authentication at the door: the node:http adapter asks before it reads the body, so a caller
// without valid credentials costs a header check, never a body read, a parse or an AWS call.
// Requests that carry no operation pass as nobody (CORS preflight: browsers send no credentials
// with it), and so does a browser asking for Apollo Sandbox's page when that is the IDE.
import type { IncomingMessage, ServerResponse } from "node:http";
import { GraphQLError } from "graphql";
import { HeaderMap } from "@apollo/server";
import type { Authenticator, Principal } from "../auth/index.js";
import { AuthenticationError, NO_ONE, credentialsFromHeaders, presentsCredentials } from "../auth/index.js";
import type { HeaderValues } from "../auth/index.js";
import { ErrorCode } from "../errors.js";
import { requestIdOf } from "./requestId.js";

/** What the adapter hands the context factory for an admitted request. */
export interface AdmittedRequest {
  principal: Principal;
  requestId: string;
}

export interface AdmissionOptions {
  authenticator: Authenticator;
  /** True when Apollo itself serves a landing page (IDE=sandbox) to browsers on the GraphQL path. */
  apolloLandingPage: boolean;
}

/** RFC 6750, section 3: the scheme, and `invalid_token` when credentials were sent but refused. */
function challenge(presented: boolean): string {
  return presented ? 'Bearer realm="graphql", error="invalid_token"' : 'Bearer realm="graphql"';
}

function refusalMessage(error: unknown): string {
  // Anything but our own refusal (a JWKS fetch that failed, say) is still a refusal: the details go
  // nowhere near the caller.
  return error instanceof AuthenticationError ? error.message : "The credentials could not be verified.";
}

/** For adapters without the door (graphql-ws, Lambda): the same refusal, as Apollo and graphql-ws expect it. */
export async function authenticateHeaders(authenticator: Authenticator, headers: HeaderValues | undefined): Promise<Principal> {
  const credentials = credentialsFromHeaders(headers);
  try {
    return await authenticator.authenticate(credentials);
  } catch (error) {
    throw new GraphQLError(refusalMessage(error), {
      extensions: {
        code: ErrorCode.UNAUTHENTICATED,
        http: { status: 401, headers: new HeaderMap([["www-authenticate", challenge(presentsCredentials(credentials))]]) },
      },
    });
  }
}

function prefersHtml(req: IncomingMessage): boolean {
  return req.method === "GET" && /\btext\/html\b/.test(req.headers.accept ?? "");
}

export function createAdmission(options: AdmissionOptions) {
  /** The admitted request, or undefined after answering 401 itself. */
  return async (req: IncomingMessage, res: ServerResponse): Promise<AdmittedRequest | undefined> => {
    const requestId = requestIdOf(req);
    if (req.method === "OPTIONS" || (options.apolloLandingPage && prefersHtml(req))) return { principal: NO_ONE, requestId };
    const credentials = credentialsFromHeaders(req.headers);
    try {
      return { principal: await options.authenticator.authenticate(credentials), requestId };
    } catch (error) {
      const body = JSON.stringify({ errors: [{ message: refusalMessage(error), extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
      res.statusCode = 401;
      res.setHeader("WWW-Authenticate", challenge(presentsCredentials(credentials)));
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      // The body is left unread: a client still sending it gets the answer and a closed connection.
      res.setHeader("Connection", "close");
      res.end(body);
      return undefined;
    }
  };
}
