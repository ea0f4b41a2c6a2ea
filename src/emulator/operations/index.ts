import type { Operation } from "../options.js";
import type { OperationHandler } from "./context.js";
import { createResource } from "./createResource.js";
import { deleteResource } from "./deleteResource.js";
import { getResource } from "./getResource.js";
import { listResources } from "./listResources.js";
import { cancelResourceRequest, getResourceRequestStatus, listResourceRequests } from "./resourceRequests.js";
import { updateResource } from "./updateResource.js";

export type { EmulatorSettings, OperationContext, OperationHandler } from "./context.js";
export { createPageTokens } from "./pageTokens.js";
export type { PageTokens } from "./pageTokens.js";

export const OPERATION_HANDLERS: Readonly<Record<Operation, OperationHandler>> = {
  CreateResource: createResource,
  GetResource: getResource,
  UpdateResource: updateResource,
  DeleteResource: deleteResource,
  ListResources: listResources,
  GetResourceRequestStatus: getResourceRequestStatus,
  ListResourceRequests: listResourceRequests,
  CancelResourceRequest: cancelResourceRequest,
};
