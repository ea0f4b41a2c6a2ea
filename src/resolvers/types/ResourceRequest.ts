// Fields of ResourceRequest (a ProgressEvent). Most are plain properties of the model; its node id is
// its region and request token, the same whichever field or subscription returned it.
import type { ResourceRequestResolvers } from "../../__generated__/resolvers-types.js";
import { ResourceOperation, isDone } from "../../cloudcontrol/resourceRequest.js";
import { routeResponseType } from "../../resourceTypes/index.js";
import { loadResource } from "../resources.js";
import { requestNodeIdOf } from "../relay/nodeId.js";

export const ResourceRequest: ResourceRequestResolvers = {
  id: (request) => requestNodeIdOf(request),
  requestToken: (request) => request.requestToken,
  region: (request) => request.region,
  operation: (request) => request.operation,
  status: (request) => request.status,
  done: (request) => isDone(request.status),
  identifier: (request) => request.identifier,
  statusMessage: (request) => request.statusMessage,
  errorCode: (request) => request.errorCode,
  eventTime: (request) => request.eventTime,
  retryAfter: (request) => request.retryAfter,
  resourceModel: (request) => request.resourceModel,
  /** Read now, through the loader; a delete's route response is gone (or going) by design. */
  routeResponse: async (request, _args, context) => {
    if (request.identifier === null || request.operation === ResourceOperation.DELETE) return null;
    return loadResource(context, routeResponseType, request.region, request.identifier);
  },
};
