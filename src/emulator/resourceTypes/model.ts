// What a resource type is to the emulator: its registry schema facts (properties, required,
// create-only, read-only, write-only, primary identifier) and its handlers' behaviour.

export type Properties = Record<string, unknown>;

/**
 * The property shapes these registry schemas use. A small closed set instead of a general
 * JSON Schema engine: the messages must match the validator AWS runs (everit), and these are all
 * the shapes the types declare.
 */
export type PropertyShape =
  | { type: "string" }
  | { type: "boolean" }
  | { type: "object" }
  | { type: "stringArray" }
  | { type: "stringMap" }
  /** `patternProperties: {"^.+$": ParameterConstraints}`, `additionalProperties: false`. */
  | { type: "parameterConstraintsMap" };

export interface ResourceSchema {
  properties: Readonly<Record<string, PropertyShape>>;
  required: readonly string[];
}

/** HandlerErrorCode values (reference §2). */
export type HandlerErrorCode =
  | "NotUpdatable" | "InvalidRequest" | "AccessDenied" | "InvalidCredentials" | "AlreadyExists"
  | "NotFound" | "ResourceConflict" | "Throttling" | "ServiceLimitExceeded" | "NotStabilized"
  | "GeneralServiceException" | "ServiceInternalError" | "ServiceTimeout" | "NetworkFailure" | "InternalFailure";

export interface HandlerFailure {
  errorCode: HandlerErrorCode;
  message: string;
}

/** What a handler may see and change of its region. */
export interface RegionResources {
  find(typeName: string, identifier: string): Properties | undefined;
  /** All resources of a type, in creation order. */
  all(typeName: string): Properties[];
}

export interface HandlerContext {
  resources: RegionResources;
  region: string;
  accountId: string;
  newId(length: number): string;
  /** The `lenientRouteResponseKeys` option: any route response key, not only `$default`. */
  lenientRouteResponseKeys: boolean;
}

/** Resources that live under another and go when it goes (API Gateway deletes children with parents). */
export interface Dependent {
  typeName: string;
  /** Properties a dependent shares with its parent, e.g. `["ApiId"]`. */
  keys: readonly string[];
}

export interface ResourceType {
  typeName: string;
  schema: ResourceSchema;
  primaryIdentifier: readonly string[];
  createOnly: readonly string[];
  readOnly: readonly string[];
  writeOnly: readonly string[];
  /** Properties ListResources needs in its ResourceModel. */
  listRequires: readonly string[];
  dependents: readonly Dependent[];
  /** Fills the read-only properties a create assigns (ids, endpoints), at request time. */
  assign(desired: Properties, ctx: HandlerContext): Properties;
  /** The handler's checks when a create finishes. */
  checkCreate(model: Properties, ctx: HandlerContext): HandlerFailure | undefined;
  /** The handler's checks when an update finishes. */
  checkUpdate(model: Properties, previous: Properties, ctx: HandlerContext): HandlerFailure | undefined;
  /** A list's parent must exist: the failure when it does not. */
  checkListParent(model: Properties, ctx: HandlerContext): HandlerFailure | undefined;
}

export const pointerOf = (property: string) => `/properties/${property}`;

export function identifierOf(type: ResourceType, properties: Properties): string {
  return type.primaryIdentifier.map((name) => String(properties[name])).join("|");
}
