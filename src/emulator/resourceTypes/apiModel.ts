// AWS::ApiGatewayV2::Model, from its registry schema (shared reference §7): a named schema of an
// API. Route responses name models in ResponseModels (content type -> model Name). The file is not
// called model.ts because that name holds what a resource type is to the emulator.
import type { HandlerContext, HandlerFailure, Properties, ResourceType } from "./model.js";
import { missingApi } from "./parents.js";

export const MODEL_TYPE = "AWS::ApiGatewayV2::Model";

/** API Gateway's rule for model names: letters and digits only. */
const MODEL_NAME = /^[A-Za-z0-9]+$/;

/**
 * The handler's checks, create and update alike: a WebSocket API, an alphanumeric name, and one
 * model per name in an API.
 * UNDOCUMENTED: the wording of these failures, and which HandlerErrorCode a taken name gives; the
 * emulator answers InvalidRequest for the first two and AlreadyExists for the last.
 */
function handlerChecks(model: Properties, ctx: HandlerContext): HandlerFailure | undefined {
  const api = ctx.resources.find("AWS::ApiGatewayV2::Api", String(model.ApiId));
  // API Gateway supports models only for WebSocket APIs.
  if (api?.ProtocolType !== "WEBSOCKET") return { errorCode: "InvalidRequest", message: "Models are supported only for WebSocket APIs" };
  if (typeof model.Name !== "string" || !MODEL_NAME.test(model.Name)) {
    return { errorCode: "InvalidRequest", message: `Invalid model name ${JSON.stringify(model.Name)}: a model name takes letters and digits only` };
  }
  const clash = ctx.resources
    .all(MODEL_TYPE)
    .find((m) => m.ApiId === model.ApiId && m.Name === model.Name && m.ModelId !== model.ModelId);
  if (clash) return { errorCode: "AlreadyExists", message: `Model with name ${model.Name} already exists for this API` };
  return undefined;
}

export const modelType: ResourceType = {
  typeName: MODEL_TYPE,
  schema: {
    properties: {
      ApiId: { type: "string" },
      ContentType: { type: "string" },
      Description: { type: "string" },
      ModelId: { type: "string" },
      Name: { type: "string" },
      Schema: { type: "object" },
    },
    required: ["ApiId", "Schema", "Name"],
  },
  primaryIdentifier: ["ApiId", "ModelId"],
  createOnly: ["ApiId"],
  readOnly: ["ModelId"],
  writeOnly: [],
  listRequires: ["ApiId"],
  dependents: [],
  assign(desired, ctx) {
    return { ...desired, ModelId: typeof desired.ModelId === "string" ? desired.ModelId : ctx.newId(7) };
  },
  checkCreate(model, ctx) {
    return missingApi(model.ApiId, ctx) ?? handlerChecks(model, ctx);
  },
  checkUpdate(model, _previous, ctx) {
    return handlerChecks(model, ctx);
  },
  checkListParent(model, ctx) {
    return missingApi(model.ApiId, ctx);
  },
};
