import type { MutationResolvers } from "../../__generated__/resolvers-types.js";
import { OperationStatus, isDone } from "../../cloudcontrol/resourceRequest.js";
import { ErrorCode, GatewayError } from "../../errors.js";
import { checkRequestToken } from "../tokens.js";
import { settleWrite } from "./settleWrite.js";

/**
 * CancelResourceRequest, for route response requests only. The status is read first: it keeps this
 * gateway from cancelling other resource types' requests, and answers a finished request at once
 * (AWS answers ConcurrentModificationException, a 500 the SDK would retry). A request that finishes
 * between the read and the cancel is still CONFLICT, from AWS. A request already cancelled is
 * answered as it is, so a cancel retried after an unknown outcome answers what the first one did.
 */
export const cancelResourceRequest: MutationResolvers["cancelResourceRequest"] = async (_parent, { input }, context) => {
  const requestToken = checkRequestToken(input.requestToken);
  const region = context.regions.resolve(input.region);
  const key = { region, requestToken };
  // Fresh status: an earlier mutation of the same document may have primed an older one.
  const current = await context.loaders.resourceRequest.clear(key).load(key);
  if (current === null) {
    throw new GatewayError(ErrorCode.NOT_FOUND, `No route response request ${requestToken} in ${region} (requests expire after 7 days).`);
  }
  if (current.status === OperationStatus.CANCEL_IN_PROGRESS || current.status === OperationStatus.CANCEL_COMPLETE) {
    return { request: await settleWrite(context, current, input.wait) };
  }
  if (isDone(current.status)) {
    throw new GatewayError(ErrorCode.CONFLICT, `Request ${requestToken} is already ${current.status} and can no longer be cancelled.`);
  }
  const accepted = await context.cloudControl.cancelRequest(region, requestToken);
  return { request: await settleWrite(context, accepted, input.wait) };
};
