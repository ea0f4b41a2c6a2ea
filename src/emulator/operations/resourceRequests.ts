// GetResourceRequestStatus, ListResourceRequests and CancelResourceRequest: the requests that writes start.
import { CloudControlError, requestTokenNotFound } from "../errors.js";
import { isTerminal } from "../region.js";
import type { ResourceRequest } from "../region.js";
import { progressEvent, str } from "./context.js";
import type { Input, OperationContext, OperationHandler } from "./context.js";

function findRequest(input: Input, ctx: OperationContext): ResourceRequest {
  const token = str(input, "RequestToken") ?? "";
  const request = ctx.region.request(token);
  if (!request) throw requestTokenNotFound(token);
  return request;
}

export const getResourceRequestStatus: OperationHandler = (input, ctx) => ({
  ProgressEvent: progressEvent(findRequest(input, ctx)),
});

/** ListResourceRequests' default page size, from the service model. */
const DEFAULT_MAX_RESULTS = 20;

/** UNDOCUMENTED: the order of ListResourceRequests; the emulator lists newest first. */
export const listResourceRequests: OperationHandler = (input, ctx) => {
  const filter = (input.ResourceRequestStatusFilter ?? {}) as { Operations?: string[]; OperationStatuses?: string[] };
  const maxResults = (input.MaxResults as number | undefined) ?? DEFAULT_MAX_RESULTS;
  const scope = JSON.stringify([ctx.region.name, filter.Operations ?? [], filter.OperationStatuses ?? []]);
  const nextToken = str(input, "NextToken");
  const beforeSeq = nextToken === undefined ? Number.MAX_SAFE_INTEGER : ctx.pageTokens.read(nextToken, scope);
  const matching = ctx.region
    .allRequests()
    .filter(
      (r) =>
        r.seq < beforeSeq &&
        (!filter.Operations?.length || filter.Operations.includes(r.operation)) &&
        (!filter.OperationStatuses?.length || filter.OperationStatuses.includes(r.status)),
    );
  const page = matching.slice(0, maxResults);
  const last = page.at(-1);
  const output: Record<string, unknown> = { ResourceRequestStatusSummaries: page.map((r) => progressEvent(r)) };
  if (last && matching.length > page.length) output.NextToken = ctx.pageTokens.issue(scope, last.seq);
  return output;
};

/**
 * Only PENDING and IN_PROGRESS requests can be cancelled (reference §2). The answer says
 * CANCEL_IN_PROGRESS; the request is CANCEL_COMPLETE from then on and its change is never made.
 * UNDOCUMENTED: cancelling a finished request. The emulator answers ConcurrentModificationException,
 * the operation's only modelled error that fits (a 500, which the SDK retries as a server fault).
 */
export const cancelResourceRequest: OperationHandler = (input, ctx) => {
  const request = findRequest(input, ctx);
  if (isTerminal(request.status)) {
    throw new CloudControlError(
      "ConcurrentModificationException",
      `Resource request ${request.token} is ${request.status} and can no longer be cancelled.`,
    );
  }
  ctx.region.cancel(request, ctx.now);
  return { ProgressEvent: progressEvent(request, "CANCEL_IN_PROGRESS") };
};
