import type { RouteResponsePayloadResolvers } from "../../__generated__/resolvers-types.js";
import { OperationStatus, ResourceOperation } from "../../cloudcontrol/resourceRequest.js";
import { routeResponseType } from "../../resourceTypes/index.js";
import { loadResource } from "../resources.js";

export const RouteResponsePayload: RouteResponsePayloadResolvers = {
  request: (payload) => payload.request,
  /**
   * Only a succeeded create or update has a result to show; read after the write (the mutation
   * cleared the loader's entry), and only when the selection asks for it.
   */
  routeResponse: async (payload, _args, context) => {
    const { request } = payload;
    if (request.status !== OperationStatus.SUCCESS || request.operation === ResourceOperation.DELETE || request.identifier === null) {
      return null;
    }
    return loadResource(context, routeResponseType, request.region, request.identifier);
  },
};
