// The parent checks API Gateway makes, with its messages: they name the account, which is why the
// gateway masks AWS messages outside demo mode.
import type { HandlerContext, HandlerFailure } from "./model.js";

export function missingApi(apiId: unknown, ctx: HandlerContext): HandlerFailure | undefined {
  if (typeof apiId === "string" && ctx.resources.find("AWS::ApiGatewayV2::Api", apiId)) return undefined;
  return { errorCode: "NotFound", message: `Invalid API identifier specified ${ctx.accountId}:${String(apiId)}` };
}

export function missingRoute(apiId: unknown, routeId: unknown, ctx: HandlerContext): HandlerFailure | undefined {
  const apiFailure = missingApi(apiId, ctx);
  if (apiFailure) return apiFailure;
  if (typeof routeId === "string" && ctx.resources.find("AWS::ApiGatewayV2::Route", `${String(apiId)}|${routeId}`)) return undefined;
  return { errorCode: "NotFound", message: `Invalid Route identifier specified ${ctx.accountId}:${String(routeId)}` };
}
