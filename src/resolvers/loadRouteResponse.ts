// Every read of a single route response goes through the request's loader: `node`, `nodes`,
// `routeResponse`, list items' fields and write results share one cache and one batch.
import type { GatewayContext } from "../context.js";
import type { RouteResponseModel, RouteResponseParent } from "../routeResponses/index.js";
import { routeResponseType } from "../resourceTypes/index.js";
import { loadResource, modelOf as resourceModelOf } from "./resources.js";

/** Null when the route response does not exist. */
export async function loadRouteResponse(context: GatewayContext, region: string, identifier: string): Promise<RouteResponseParent | null> {
  return loadResource(context, routeResponseType, region, identifier);
}

/**
 * The full model behind a parent: known when it was read with GetResource, else loaded (list items).
 * A list item that vanished before its fields were read fails only those fields.
 */
export async function modelOf(parent: RouteResponseParent, context: GatewayContext): Promise<RouteResponseModel> {
  return resourceModelOf(routeResponseType, parent, context);
}
