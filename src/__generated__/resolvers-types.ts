import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { RouteResponseParent, ResponseModelParent } from '../routeResponses/model.js';
import type { ApiParent } from '../resourceTypes/api.js';
import type { RouteParent } from '../resourceTypes/route.js';
import type { ModelParent } from '../resourceTypes/model.js';
import type { ResourceRequestModel } from '../cloudcontrol/resourceRequest.js';
import type { GatewayContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * An instant, serialised as an ISO 8601 / RFC 3339 string in UTC with milliseconds, such as
   * `2025-03-01T12:00:00.000Z` (JavaScript's `Date.prototype.toISOString`).
   */
  DateTime: { input: Date; output: Date | string; }
  /** Any JSON value: object, array, string, number, boolean or null. */
  JSON: { input: unknown; output: unknown; }
  /** A JSON object (never an array or a primitive). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/**
 * An API of Amazon API Gateway v2 (`AWS::ApiGatewayV2::Api`), WebSocket or HTTP, read through the AWS
 * Cloud Control API.
 */
export type Api = Node & {
  __typename?: 'Api';
  /** The API's URL (`wss://` for WebSocket APIs). */
  apiEndpoint?: Maybe<Scalars['String']['output']>;
  /** Assigned by API Gateway when the API is created. */
  apiId: Scalars['String']['output'];
  /** The API's description; null when unset. */
  description?: Maybe<Scalars['String']['output']>;
  /** Opaque and stable; encodes the region and the identifier; works with `Query.node`. */
  id: Scalars['ID']['output'];
  /** Cloud Control's primary identifier: the ApiId. */
  identifier: Scalars['String']['output'];
  /**
   * The API's models, in Cloud Control's order. Null, with an error at its path, when the listing
   * fails; the API's other fields stand.
   */
  models?: Maybe<ModelConnection>;
  /** The API's name. */
  name?: Maybe<Scalars['String']['output']>;
  /** The whole Cloud Control resource model, as AWS returns it (write-only properties are never returned). */
  properties: Scalars['JSONObject']['output'];
  /** WEBSOCKET or HTTP; fixed when the API is created. */
  protocolType?: Maybe<ProtocolType>;
  /** The AWS region the API lives in. */
  region: Scalars['String']['output'];
  /** How a WebSocket API picks the route of a message, such as `$request.body.action`. */
  routeSelectionExpression?: Maybe<Scalars['String']['output']>;
  /**
   * The API's routes, in Cloud Control's order. Null, with an error at its path, when the listing
   * fails; the API's other fields stand.
   */
  routes?: Maybe<RouteConnection>;
};


/**
 * An API of Amazon API Gateway v2 (`AWS::ApiGatewayV2::Api`), WebSocket or HTTP, read through the AWS
 * Cloud Control API.
 */
export type ApiModelsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * An API of Amazon API Gateway v2 (`AWS::ApiGatewayV2::Api`), WebSocket or HTTP, read through the AWS
 * Cloud Control API.
 */
export type ApiRoutesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * A page of APIs (Relay cursor connection). Items are listed with their identifiers only; other fields
 * are read per item (batched). An item whose fields cannot be read is null with an error at its index.
 */
export type ApiConnection = {
  __typename?: 'ApiConnection';
  /** The APIs of this page with their cursors; an edge whose API cannot be read is null. */
  edges: Array<Maybe<ApiEdge>>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<Maybe<Api>>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** One API of a listing, with the cursor after it. */
export type ApiEdge = {
  __typename?: 'ApiEdge';
  /** Pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  /** The API. */
  node: Api;
};

/** Which request to cancel. */
export type CancelResourceRequestInput = {
  /** The region the request was made in; defaults to the gateway's region. */
  region?: InputMaybe<Scalars['String']['input']>;
  /** Cloud Control's RequestToken of the request to cancel. */
  requestToken: Scalars['String']['input'];
  /** When true, the mutation returns once the request is done (CANCEL_COMPLETE) or the wait limit passes. */
  wait?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The route response to create, and how to send the write. */
export type CreateRouteResponseInput = {
  /** The API's id (ApiId). */
  apiId: Scalars['String']['input'];
  /**
   * Makes the write idempotent (Cloud Control ClientToken: 1-128 characters of `A-Za-z0-9+/=-`,
   * valid 36 hours). Retrying with the same token and input answers the original request. Without
   * one the gateway makes one (a UUID): every write is sent with a token. When the answer is lost
   * (error WRITE_OUTCOME_UNKNOWN), `extensions.clientToken` is the token to retry with.
   */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** Selects a model from `responseModels` for the response body; unset when null. */
  modelSelectionExpression?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to the gateway's configured region. */
  region?: InputMaybe<Scalars['String']['input']>;
  /** Content types must be distinct. */
  responseModels?: InputMaybe<Array<ResponseModelInput>>;
  /** Parameter names must be distinct. */
  responseParameters?: InputMaybe<Array<ResponseParameterInput>>;
  /** The route's id (RouteId). */
  routeId: Scalars['String']['input'];
  /** The key that selects the response, such as `$default` (the only one API Gateway allows on WebSocket routes); not empty. */
  routeResponseKey: Scalars['String']['input'];
  /** When true, the mutation returns once the request is done or the gateway's wait limit passes. */
  wait?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The route response to delete, and how to send the write. */
export type DeleteRouteResponseInput = {
  /** The API's id (ApiId). */
  apiId: Scalars['String']['input'];
  /** As for createRouteResponse. */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to the gateway's configured region. */
  region?: InputMaybe<Scalars['String']['input']>;
  /** The route's id (RouteId). */
  routeId: Scalars['String']['input'];
  /** The route response's id (RouteResponseId). */
  routeResponseId: Scalars['String']['input'];
  /** When true, the mutation returns once the request is done or the gateway's wait limit passes. */
  wait?: InputMaybe<Scalars['Boolean']['input']>;
};

/**
 * The answer to a delete: the Cloud Control request, and what a client cache needs to drop the route
 * response.
 */
export type DeleteRouteResponsePayload = {
  __typename?: 'DeleteRouteResponsePayload';
  /**
   * The `id` of the route response this request deletes, whatever the request's status: the key a
   * normalised cache drops (Relay's `@deleteRecord`, Apollo's `cache.evict`, urql's
   * `cache.invalidate`). The route response is gone once `request.status` is SUCCESS, at once with
   * `wait: true`.
   */
  deletedRouteResponseId: Scalars['ID']['output'];
  /** The request as last seen: its status is FAILED (not an error) when the delete failed. */
  request: ResourceRequest;
  /**
   * The route response as last read before the delete, so a client can tell what it removed: read
   * earlier in the same request, or by an earlier request when the gateway's cache (CACHE_TTL_MS) still
   * holds it; null otherwise. The delete makes no Cloud Control call for this field.
   */
  routeResponse?: Maybe<RouteResponse>;
};

/**
 * A model of a WebSocket API (`AWS::ApiGatewayV2::Model`): a JSON schema that route responses name, by
 * its `name`, for a content type. Read through the AWS Cloud Control API.
 */
export type Model = Node & {
  __typename?: 'Model';
  /** The API the model belongs to (no call unless its other fields are selected); null with an error when they cannot be read. */
  api?: Maybe<Api>;
  /** The API the model belongs to. */
  apiId: Scalars['String']['output'];
  /** The content type the model describes, such as `application/json`; null when unset. */
  contentType?: Maybe<Scalars['String']['output']>;
  /** The model's description; null when unset. */
  description?: Maybe<Scalars['String']['output']>;
  /** Opaque and stable; encodes the region and the identifier; works with `Query.node`. */
  id: Scalars['ID']['output'];
  /** Cloud Control's primary identifier: `ApiId|ModelId`. */
  identifier: Scalars['String']['output'];
  /** Assigned by API Gateway when the model is created. */
  modelId: Scalars['String']['output'];
  /** The model's name, unique in its API: what a route response's `responseModels` refer to. */
  name: Scalars['String']['output'];
  /** The whole Cloud Control resource model, as AWS returns it. */
  properties: Scalars['JSONObject']['output'];
  /** The AWS region the model lives in. */
  region: Scalars['String']['output'];
  /** The model's JSON schema, as AWS returns it. */
  schema?: Maybe<Scalars['JSON']['output']>;
};

/**
 * A page of models (Relay cursor connection). Items are listed with their identifiers only; other
 * fields are read per item (batched). An item whose fields cannot be read is null with an error at its
 * index, and the rest of the page stands.
 */
export type ModelConnection = {
  __typename?: 'ModelConnection';
  /** The models of this page with their cursors; an edge whose model cannot be read is null. */
  edges: Array<Maybe<ModelEdge>>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<Maybe<Model>>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** One model of a listing, with the cursor after it. */
export type ModelEdge = {
  __typename?: 'ModelEdge';
  /** Pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  /** The model. */
  node: Model;
};

/**
 * Writes are sent with a ClientToken (the input's, or one the gateway makes). A write whose answer is
 * lost after it may have reached Cloud Control (timeout, cut connection, AWS server fault, gateway
 * shutdown) fails with WRITE_OUTCOME_UNKNOWN and `extensions.clientToken`: retried with that token and
 * the same input, it answers the original request and is never made twice. Every field here is
 * nullable: a write that fails is null with an error at its path (its alias), and the document's other
 * writes, made or not, are reported as they are.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Cancels a request that is still PENDING or IN_PROGRESS. A request already cancelled answers as it
   * is (a retried cancel is safe); one that finished otherwise is CONFLICT.
   */
  cancelResourceRequest?: Maybe<ResourceRequestPayload>;
  /** Creates a route response (Cloud Control CreateResource). */
  createRouteResponse?: Maybe<RouteResponsePayload>;
  /** Deletes a route response (Cloud Control DeleteResource). */
  deleteRouteResponse?: Maybe<DeleteRouteResponsePayload>;
  /** Changes a route response (Cloud Control UpdateResource with a PatchDocument). */
  updateRouteResponse?: Maybe<RouteResponsePayload>;
};


/**
 * Writes are sent with a ClientToken (the input's, or one the gateway makes). A write whose answer is
 * lost after it may have reached Cloud Control (timeout, cut connection, AWS server fault, gateway
 * shutdown) fails with WRITE_OUTCOME_UNKNOWN and `extensions.clientToken`: retried with that token and
 * the same input, it answers the original request and is never made twice. Every field here is
 * nullable: a write that fails is null with an error at its path (its alias), and the document's other
 * writes, made or not, are reported as they are.
 */
export type MutationCancelResourceRequestArgs = {
  input: CancelResourceRequestInput;
};


/**
 * Writes are sent with a ClientToken (the input's, or one the gateway makes). A write whose answer is
 * lost after it may have reached Cloud Control (timeout, cut connection, AWS server fault, gateway
 * shutdown) fails with WRITE_OUTCOME_UNKNOWN and `extensions.clientToken`: retried with that token and
 * the same input, it answers the original request and is never made twice. Every field here is
 * nullable: a write that fails is null with an error at its path (its alias), and the document's other
 * writes, made or not, are reported as they are.
 */
export type MutationCreateRouteResponseArgs = {
  input: CreateRouteResponseInput;
};


/**
 * Writes are sent with a ClientToken (the input's, or one the gateway makes). A write whose answer is
 * lost after it may have reached Cloud Control (timeout, cut connection, AWS server fault, gateway
 * shutdown) fails with WRITE_OUTCOME_UNKNOWN and `extensions.clientToken`: retried with that token and
 * the same input, it answers the original request and is never made twice. Every field here is
 * nullable: a write that fails is null with an error at its path (its alias), and the document's other
 * writes, made or not, are reported as they are.
 */
export type MutationDeleteRouteResponseArgs = {
  input: DeleteRouteResponseInput;
};


/**
 * Writes are sent with a ClientToken (the input's, or one the gateway makes). A write whose answer is
 * lost after it may have reached Cloud Control (timeout, cut connection, AWS server fault, gateway
 * shutdown) fails with WRITE_OUTCOME_UNKNOWN and `extensions.clientToken`: retried with that token and
 * the same input, it answers the original request and is never made twice. Every field here is
 * nullable: a write that fails is null with an error at its path (its alias), and the document's other
 * writes, made or not, are reported as they are.
 */
export type MutationUpdateRouteResponseArgs = {
  input: UpdateRouteResponseInput;
};

/**
 * An object with a globally unique, opaque id that `Query.node` and `Query.nodes` can fetch again
 * (Relay's Global Object Identification specification).
 */
export type Node = {
  /** Opaque and stable: do not parse it, store it as it is. */
  id: Scalars['ID']['output'];
};

/** Where a Cloud Control request is in its lifecycle. */
export type OperationStatus =
  /** Done: cancelled. */
  | 'CANCEL_COMPLETE'
  /** Being cancelled. */
  | 'CANCEL_IN_PROGRESS'
  /** Done: the write was not made (see `errorCode` and `statusMessage`). */
  | 'FAILED'
  /** Running. */
  | 'IN_PROGRESS'
  /** Accepted, not started yet. */
  | 'PENDING'
  /** Done: the write was made. */
  | 'SUCCESS';

/** Where a page of a connection sits (Relay cursor connections specification, section 5). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /**
   * The cursor of the last edge; pass it as `after` to get the next page. Null when the page is empty,
   * except where a scan stopped early (see `resourceRequests`): then it says where to continue.
   */
  endCursor?: Maybe<Scalars['String']['output']>;
  /**
   * True when items may follow this page. Cloud Control only says that another page token exists,
   * so a true here can be followed by one empty page.
   */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when the page was asked for `after` a cursor: paging here runs forward only. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first edge, or null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** The six operations of a JSON Patch (RFC 6902, section 4). */
export type PatchOp =
  /** Adds `value` at `path`, replacing what is there. */
  | 'ADD'
  /** Copies what is at `from` to `path`. */
  | 'COPY'
  /** Moves what is at `from` to `path`. */
  | 'MOVE'
  /** Removes what is at `path`. */
  | 'REMOVE'
  /** Replaces what is at `path` (which must exist) with `value`. */
  | 'REPLACE'
  /** Fails the whole patch unless what is at `path` equals `value`. */
  | 'TEST';

/**
 * One raw JSON Patch operation on the route response's Cloud Control properties, for changes that
 * `RouteResponseChanges` cannot express. Paths are JSON Pointers (RFC 6901) relative to the
 * properties, such as `/ResponseModels/application~1json`; a missing leading slash is accepted.
 */
export type PatchOperationInput = {
  /** Required by MOVE and COPY: the pointer to read from. */
  from?: InputMaybe<Scalars['String']['input']>;
  /** What the operation does. */
  op: PatchOp;
  /** The JSON Pointer the operation applies to, such as `/ModelSelectionExpression`. */
  path: Scalars['String']['input'];
  /** Required by ADD, REPLACE and TEST; null is a value here. */
  value?: InputMaybe<Scalars['JSON']['input']>;
};

/** The kind of an API Gateway v2 API. Route responses exist only under WebSocket APIs. */
export type ProtocolType =
  /** An HTTP API. */
  | 'HTTP'
  /** A WebSocket API: routes, route responses and models. */
  | 'WEBSOCKET';

/**
 * The entry points for reading. Every field here is nullable: one that fails is null with an error at
 * its path (its alias), and the document's other fields stand.
 */
export type Query = {
  __typename?: 'Query';
  /** An API by its id. Null when it does not exist, and null with an error at its path when it cannot be read. */
  api?: Maybe<Api>;
  /**
   * The APIs of a region (WebSocket and HTTP), in Cloud Control's order. With `protocolType`, only APIs
   * of that protocol: the filter reads each listed API's protocol (GetResource, batched), so a page may
   * hold fewer than `first` items and the listing reads on until it has them. Null, with an error at
   * its path, when the listing fails.
   */
  apis?: Maybe<ApiConnection>;
  /** Fetches any object by its `id`. Null when it does not exist; an id that is not one of ours is BAD_USER_INPUT. */
  node?: Maybe<Node>;
  /**
   * Fetches several objects by id, in order: null for each one that does not exist, null with an error
   * at its index for each that fails. Null as a whole when given more than 100 ids.
   */
  nodes?: Maybe<Array<Maybe<Node>>>;
  /** A route response request by its token. Null when Cloud Control does not know it (or it expired) or it is about another resource type. */
  resourceRequest?: Maybe<ResourceRequest>;
  /**
   * Route response requests, newest first as Cloud Control lists them, optionally only some operations
   * and statuses. Null, with an error at its path, when the listing fails.
   */
  resourceRequests?: Maybe<ResourceRequestConnection>;
  /** A route response by its three ids. Null when it does not exist, and null with an error at its path when it cannot be read. */
  routeResponse?: Maybe<RouteResponse>;
  /**
   * The route responses of one route, in Cloud Control's order. Null, with an error at its path, when
   * the listing fails.
   */
  routeResponses?: Maybe<RouteResponseConnection>;
};


/**
 * The entry points for reading. Every field here is nullable: one that fails is null with an error at
 * its path (its alias), and the document's other fields stand.
 */
export type QueryApiArgs = {
  apiId: Scalars['String']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
};


/**
 * The entry points for reading. Every field here is nullable: one that fails is null with an error at
 * its path (its alias), and the document's other fields stand.
 */
export type QueryApisArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  protocolType?: InputMaybe<ProtocolType>;
  region?: InputMaybe<Scalars['String']['input']>;
};


/**
 * The entry points for reading. Every field here is nullable: one that fails is null with an error at
 * its path (its alias), and the document's other fields stand.
 */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The entry points for reading. Every field here is nullable: one that fails is null with an error at
 * its path (its alias), and the document's other fields stand.
 */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/**
 * The entry points for reading. Every field here is nullable: one that fails is null with an error at
 * its path (its alias), and the document's other fields stand.
 */
export type QueryResourceRequestArgs = {
  region?: InputMaybe<Scalars['String']['input']>;
  requestToken: Scalars['String']['input'];
};


/**
 * The entry points for reading. Every field here is nullable: one that fails is null with an error at
 * its path (its alias), and the document's other fields stand.
 */
export type QueryResourceRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  operations?: InputMaybe<Array<ResourceOperation>>;
  region?: InputMaybe<Scalars['String']['input']>;
  statuses?: InputMaybe<Array<OperationStatus>>;
};


/**
 * The entry points for reading. Every field here is nullable: one that fails is null with an error at
 * its path (its alias), and the document's other fields stand.
 */
export type QueryRouteResponseArgs = {
  apiId: Scalars['String']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
  routeId: Scalars['String']['input'];
  routeResponseId: Scalars['String']['input'];
};


/**
 * The entry points for reading. Every field here is nullable: one that fails is null with an error at
 * its path (its alias), and the document's other fields stand.
 */
export type QueryRouteResponsesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  apiId: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
  routeId: Scalars['String']['input'];
};

/** The kind of write a Cloud Control request makes. */
export type ResourceOperation =
  /** A CreateResource request. */
  | 'CREATE'
  /** A DeleteResource request. */
  | 'DELETE'
  /** An UpdateResource request. */
  | 'UPDATE';

/**
 * A Cloud Control resource request (its ProgressEvent): one create, update or delete of a route
 * response, tracked until it is done. Requests are kept by AWS for 7 days. The request a write
 * returns, the one `resourceRequest` polls and the events of `resourceRequestProgress` share one `id`,
 * so a normalised client cache holds one entry that each of them updates.
 */
export type ResourceRequest = Node & {
  __typename?: 'ResourceRequest';
  /** True once the status is SUCCESS, FAILED or CANCEL_COMPLETE: it will not change again. */
  done: Scalars['Boolean']['output'];
  /**
   * Cloud Control's HandlerErrorCode on FAILED requests, such as `NotFound`, `AlreadyExists` or
   * `GeneralServiceException`.
   */
  errorCode?: Maybe<Scalars['String']['output']>;
  /** When the request reached its current status, as Cloud Control reports it. */
  eventTime?: Maybe<Scalars['DateTime']['output']>;
  /** Opaque and stable; encodes the region and the request token; works with `Query.node`. */
  id: Scalars['ID']['output'];
  /** `ApiId|RouteId|RouteResponseId`; null for a create until Cloud Control has assigned it. */
  identifier?: Maybe<Scalars['String']['output']>;
  /** Whether the request creates, updates or deletes. */
  operation: ResourceOperation;
  /** The AWS region the request was made in. */
  region: Scalars['String']['output'];
  /** Cloud Control's RequestToken: pass it to `Query.resourceRequest` or `cancelResourceRequest`. */
  requestToken: Scalars['String']['output'];
  /** The resource model the event carried, if any (a create's first event carries the desired state). */
  resourceModel?: Maybe<Scalars['JSONObject']['output']>;
  /** When to poll again, if Cloud Control suggested it. */
  retryAfter?: Maybe<Scalars['DateTime']['output']>;
  /**
   * The route response the request wrote, read now. Null for a delete, while a create has no
   * identifier yet, and when the route response does not exist (any more).
   */
  routeResponse?: Maybe<RouteResponse>;
  /** Where the request is in its lifecycle. */
  status: OperationStatus;
  /** Why the request is where it is, in AWS's words (set on FAILED requests). */
  statusMessage?: Maybe<Scalars['String']['output']>;
};

/**
 * A page of resource requests (Relay cursor connection). Only route response requests are listed:
 * Cloud Control cannot filter by resource type, so the gateway filters each page it reads.
 */
export type ResourceRequestConnection = {
  __typename?: 'ResourceRequestConnection';
  /** The requests of this page with their cursors. */
  edges: Array<Maybe<ResourceRequestEdge>>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<Maybe<ResourceRequest>>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** One resource request of a listing, with the cursor after it. */
export type ResourceRequestEdge = {
  __typename?: 'ResourceRequestEdge';
  /** Pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  /** The request. */
  node: ResourceRequest;
};

/** The answer to `cancelResourceRequest`. */
export type ResourceRequestPayload = {
  __typename?: 'ResourceRequestPayload';
  /** The request as last seen. */
  request: ResourceRequest;
};

/** One entry of a route response's ResponseModels map. */
export type ResponseModel = {
  __typename?: 'ResponseModel';
  /** A content type such as `application/json`. */
  contentType: Scalars['String']['output'];
  /**
   * The model of the route response's API named `modelName`; null when the API has no such model.
   * Found in the API's model listing, read once per API however many route responses name models:
   * its models are read (GetResource, batched) to learn their names, unless the listing carries them.
   */
  model?: Maybe<Model>;
  /** The name of a model of the same API. */
  modelName: Scalars['String']['output'];
};

/** One entry of a route response's ResponseModels map. */
export type ResponseModelInput = {
  /** A content type such as `application/json`. */
  contentType: Scalars['String']['input'];
  /** The name of a model of the same API. */
  modelName: Scalars['String']['input'];
};

/** One entry of a route response's ResponseParameters map. */
export type ResponseParameter = {
  __typename?: 'ResponseParameter';
  /** A parameter such as `method.response.header.X-Room`. */
  name: Scalars['String']['output'];
  /** Whether the parameter is required. */
  required: Scalars['Boolean']['output'];
};

/** One entry of a route response's ResponseParameters map. */
export type ResponseParameterInput = {
  /** A parameter such as `method.response.header.X-Room`. */
  name: Scalars['String']['input'];
  /** Whether the parameter is required. */
  required: Scalars['Boolean']['input'];
};

/**
 * A route of a WebSocket API (`AWS::ApiGatewayV2::Route`), read through the AWS Cloud Control API:
 * the route key a message selects, and where its answers come from.
 */
export type Route = Node & {
  __typename?: 'Route';
  /** The API the route belongs to (no call unless its other fields are selected); null with an error when they cannot be read. */
  api?: Maybe<Api>;
  /** The API the route belongs to. */
  apiId: Scalars['String']['output'];
  /** NONE, AWS_IAM or CUSTOM (only on `$connect`); null when unset. */
  authorizationType?: Maybe<Scalars['String']['output']>;
  /** Opaque and stable; encodes the region and the identifier; works with `Query.node`. */
  id: Scalars['ID']['output'];
  /** Cloud Control's primary identifier: `ApiId|RouteId`. */
  identifier: Scalars['String']['output'];
  /** Selects a request model; null when unset. */
  modelSelectionExpression?: Maybe<Scalars['String']['output']>;
  /** The route's operation name; null when unset. */
  operationName?: Maybe<Scalars['String']['output']>;
  /** The whole Cloud Control resource model, as AWS returns it (write-only properties are never returned). */
  properties: Scalars['JSONObject']['output'];
  /** The AWS region the route lives in. */
  region: Scalars['String']['output'];
  /** Assigned by API Gateway when the route is created. */
  routeId: Scalars['String']['output'];
  /** The key a message selects the route with: `$connect`, `$disconnect`, `$default` or a custom key. */
  routeKey: Scalars['String']['output'];
  /**
   * The route's `$default` route response, the only one API Gateway lets a WebSocket route define;
   * null when it has none. Found by listing the route's route responses (one ListResources call).
   */
  routeResponse?: Maybe<RouteResponse>;
  /**
   * Selects the route response to send back; null when unset. Only a route with one is two-way
   * (`twoWay`): the responses of a one-way route are never sent.
   */
  routeResponseSelectionExpression?: Maybe<Scalars['String']['output']>;
  /**
   * The route's route responses (Relay cursor connection), as `Query.routeResponses` lists them. Null,
   * with an error at its path, when the listing fails; the route's other fields stand.
   */
  routeResponses?: Maybe<RouteResponseConnection>;
  /** The integration the route sends messages to (`integrations/<id>`); null when unset. */
  target?: Maybe<Scalars['String']['output']>;
  /**
   * True when `routeResponseSelectionExpression` is set: API Gateway sends the route's response back
   * to the client. On a one-way route (false), a route response exists but is never sent.
   */
  twoWay: Scalars['Boolean']['output'];
};


/**
 * A route of a WebSocket API (`AWS::ApiGatewayV2::Route`), read through the AWS Cloud Control API:
 * the route key a message selects, and where its answers come from.
 */
export type RouteRouteResponsesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * A page of routes (Relay cursor connection). Items are listed with their identifiers only; other
 * fields are read per item (batched). An item whose fields cannot be read is null with an error at its
 * index, and the rest of the page stands.
 */
export type RouteConnection = {
  __typename?: 'RouteConnection';
  /** The routes of this page with their cursors; an edge whose route cannot be read is null. */
  edges: Array<Maybe<RouteEdge>>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<Maybe<Route>>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** One route of a listing, with the cursor after it. */
export type RouteEdge = {
  __typename?: 'RouteEdge';
  /** Pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  /** The route. */
  node: Route;
};

/**
 * A route response of a WebSocket API in Amazon API Gateway (`AWS::ApiGatewayV2::RouteResponse`),
 * read through the AWS Cloud Control API.
 */
export type RouteResponse = Node & {
  __typename?: 'RouteResponse';
  /** The API this route response belongs to (no call unless its other fields are selected); null with an error when they cannot be read. */
  api?: Maybe<Api>;
  /** The API the route response belongs to. */
  apiId: Scalars['String']['output'];
  /** Opaque and stable; encodes the region and the identifier; works with `Query.node`. */
  id: Scalars['ID']['output'];
  /** Cloud Control's primary identifier: `ApiId|RouteId|RouteResponseId`. */
  identifier: Scalars['String']['output'];
  /** Selects a model from `responseModels` for the response body; null when unset. */
  modelSelectionExpression?: Maybe<Scalars['String']['output']>;
  /** The whole Cloud Control resource model, as AWS returns it. */
  properties: Scalars['JSONObject']['output'];
  /** The AWS region the route response lives in. */
  region: Scalars['String']['output'];
  /** Models of the response body, by content type. Empty when none are set. */
  responseModels: Array<ResponseModel>;
  /** Response parameters (headers) and whether each is required. Empty when none are set. */
  responseParameters: Array<ResponseParameter>;
  /** The route this route response belongs to (no call unless its other fields are selected); null with an error when they cannot be read. */
  route?: Maybe<Route>;
  /** The route the route response belongs to. */
  routeId: Scalars['String']['output'];
  /** Assigned by API Gateway when the route response is created. */
  routeResponseId: Scalars['String']['output'];
  /** The key that selects this response, such as `$default`. */
  routeResponseKey: Scalars['String']['output'];
};

/**
 * Typed changes for `updateRouteResponse`. A field that is absent is left as it is; a field set to
 * null is cleared, except `routeResponseKey`, which a route response always has.
 */
export type RouteResponseChanges = {
  /** The new expression; null clears it. */
  modelSelectionExpression?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the whole map; content types must be distinct. */
  responseModels?: InputMaybe<Array<ResponseModelInput>>;
  /** Replaces the whole map; parameter names must be distinct. */
  responseParameters?: InputMaybe<Array<ResponseParameterInput>>;
  /** The new key, not empty; absent or null leaves the key as it is (it cannot be cleared). */
  routeResponseKey?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A page of route responses (Relay cursor connection). Items are listed with their identifiers only;
 * other fields are read per item (batched). An item whose fields cannot be read (throttled, or deleted
 * in the meantime) is null with an error at its index, and the rest of the page stands.
 */
export type RouteResponseConnection = {
  __typename?: 'RouteResponseConnection';
  /** The route responses of this page with their cursors; an edge whose route response cannot be read is null. */
  edges: Array<Maybe<RouteResponseEdge>>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<Maybe<RouteResponse>>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** One route response of a listing, with the cursor after it. */
export type RouteResponseEdge = {
  __typename?: 'RouteResponseEdge';
  /** Pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  /** The route response. */
  node: RouteResponse;
};

/** The answer to a create or an update: the Cloud Control request and, once it succeeded, the result. */
export type RouteResponsePayload = {
  __typename?: 'RouteResponsePayload';
  /** The request as last seen: its status is FAILED (not an error) when the write failed. */
  request: ResourceRequest;
  /**
   * The route response as read after the request succeeded. Null while the request is still
   * running, when it failed or was cancelled, and null with an error at its path when it cannot be
   * read (the request stands).
   */
  routeResponse?: Maybe<RouteResponse>;
};

/** Streams of events: a subscription answers one event per change, until it completes. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Follows a resource request until it is done: first its current state, then one event each time
   * its status (or identifier, statusMessage, errorCode) changes, the last one with `done: true`; then
   * the subscription completes. The gateway polls Cloud Control behind it with backoff (the
   * WAIT_POLL_* settings), once per request however many subscribers follow it. An unknown token is
   * NOT_FOUND. Served over WebSocket (graphql-ws protocol) on the GraphQL path; where a deployment
   * cannot hold WebSockets (Lambda), poll `Query.resourceRequest` or write with `wait: true`.
   */
  resourceRequestProgress: ResourceRequest;
};


/** Streams of events: a subscription answers one event per change, until it completes. */
export type SubscriptionResourceRequestProgressArgs = {
  region?: InputMaybe<Scalars['String']['input']>;
  requestToken: Scalars['String']['input'];
};

/**
 * Give `set`, `patch` or both: the gateway turns them into one Cloud Control PatchDocument, `set`'s
 * operations first. ApiId and RouteId (create-only) and RouteResponseId (read-only) cannot change.
 */
export type UpdateRouteResponseInput = {
  /** The API's id (ApiId). */
  apiId: Scalars['String']['input'];
  /**
   * As for createRouteResponse. Values in `set` are sent as `add` operations whatever the route response
   * holds, so a retry after the update was applied sends the same patch and answers the original
   * request (a raw `patch` is always the same). Only a `set` that clears a property depends on what
   * was there: its retry is CONFLICT (ClientTokenConflictException), or BAD_USER_INPUT when it only
   * cleared properties, and the update is not made again.
   */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** Raw JSON Patch operations, applied after `set`'s. */
  patch?: InputMaybe<Array<PatchOperationInput>>;
  /** Defaults to the gateway's configured region. */
  region?: InputMaybe<Scalars['String']['input']>;
  /** The route's id (RouteId). */
  routeId: Scalars['String']['input'];
  /** The route response's id (RouteResponseId). */
  routeResponseId: Scalars['String']['input'];
  /** Typed changes; applied first. */
  set?: InputMaybe<RouteResponseChanges>;
  /** When true, the mutation returns once the request is done or the gateway's wait limit passes. */
  wait?: InputMaybe<Scalars['Boolean']['input']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node:
    | ( ApiParent )
    | ( ModelParent )
    | ( ResourceRequestModel )
    | ( RouteParent )
    | ( RouteResponseParent )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Api: ResolverTypeWrapper<ApiParent>;
  ApiConnection: ResolverTypeWrapper<Omit<ApiConnection, 'edges' | 'nodes'> & { edges: Array<Maybe<ResolversTypes['ApiEdge']>>, nodes: Array<Maybe<ResolversTypes['Api']>> }>;
  ApiEdge: ResolverTypeWrapper<Omit<ApiEdge, 'node'> & { node: ResolversTypes['Api'] }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CancelResourceRequestInput: CancelResourceRequestInput;
  CreateRouteResponseInput: CreateRouteResponseInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeleteRouteResponseInput: DeleteRouteResponseInput;
  DeleteRouteResponsePayload: ResolverTypeWrapper<Omit<DeleteRouteResponsePayload, 'request' | 'routeResponse'> & { request: ResolversTypes['ResourceRequest'], routeResponse?: Maybe<ResolversTypes['RouteResponse']> }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  JSONObject: ResolverTypeWrapper<Scalars['JSONObject']['output']>;
  Model: ResolverTypeWrapper<ModelParent>;
  ModelConnection: ResolverTypeWrapper<Omit<ModelConnection, 'edges' | 'nodes'> & { edges: Array<Maybe<ResolversTypes['ModelEdge']>>, nodes: Array<Maybe<ResolversTypes['Model']>> }>;
  ModelEdge: ResolverTypeWrapper<Omit<ModelEdge, 'node'> & { node: ResolversTypes['Model'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  OperationStatus: OperationStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PatchOp: PatchOp;
  PatchOperationInput: PatchOperationInput;
  ProtocolType: ProtocolType;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ResourceOperation: ResourceOperation;
  ResourceRequest: ResolverTypeWrapper<ResourceRequestModel>;
  ResourceRequestConnection: ResolverTypeWrapper<Omit<ResourceRequestConnection, 'edges' | 'nodes'> & { edges: Array<Maybe<ResolversTypes['ResourceRequestEdge']>>, nodes: Array<Maybe<ResolversTypes['ResourceRequest']>> }>;
  ResourceRequestEdge: ResolverTypeWrapper<Omit<ResourceRequestEdge, 'node'> & { node: ResolversTypes['ResourceRequest'] }>;
  ResourceRequestPayload: ResolverTypeWrapper<Omit<ResourceRequestPayload, 'request'> & { request: ResolversTypes['ResourceRequest'] }>;
  ResponseModel: ResolverTypeWrapper<ResponseModelParent>;
  ResponseModelInput: ResponseModelInput;
  ResponseParameter: ResolverTypeWrapper<ResponseParameter>;
  ResponseParameterInput: ResponseParameterInput;
  Route: ResolverTypeWrapper<RouteParent>;
  RouteConnection: ResolverTypeWrapper<Omit<RouteConnection, 'edges' | 'nodes'> & { edges: Array<Maybe<ResolversTypes['RouteEdge']>>, nodes: Array<Maybe<ResolversTypes['Route']>> }>;
  RouteEdge: ResolverTypeWrapper<Omit<RouteEdge, 'node'> & { node: ResolversTypes['Route'] }>;
  RouteResponse: ResolverTypeWrapper<RouteResponseParent>;
  RouteResponseChanges: RouteResponseChanges;
  RouteResponseConnection: ResolverTypeWrapper<Omit<RouteResponseConnection, 'edges' | 'nodes'> & { edges: Array<Maybe<ResolversTypes['RouteResponseEdge']>>, nodes: Array<Maybe<ResolversTypes['RouteResponse']>> }>;
  RouteResponseEdge: ResolverTypeWrapper<Omit<RouteResponseEdge, 'node'> & { node: ResolversTypes['RouteResponse'] }>;
  RouteResponsePayload: ResolverTypeWrapper<Omit<RouteResponsePayload, 'request' | 'routeResponse'> & { request: ResolversTypes['ResourceRequest'], routeResponse?: Maybe<ResolversTypes['RouteResponse']> }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UpdateRouteResponseInput: UpdateRouteResponseInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Api: ApiParent;
  ApiConnection: Omit<ApiConnection, 'edges' | 'nodes'> & { edges: Array<Maybe<ResolversParentTypes['ApiEdge']>>, nodes: Array<Maybe<ResolversParentTypes['Api']>> };
  ApiEdge: Omit<ApiEdge, 'node'> & { node: ResolversParentTypes['Api'] };
  Boolean: Scalars['Boolean']['output'];
  CancelResourceRequestInput: CancelResourceRequestInput;
  CreateRouteResponseInput: CreateRouteResponseInput;
  DateTime: Scalars['DateTime']['output'];
  DeleteRouteResponseInput: DeleteRouteResponseInput;
  DeleteRouteResponsePayload: Omit<DeleteRouteResponsePayload, 'request' | 'routeResponse'> & { request: ResolversParentTypes['ResourceRequest'], routeResponse?: Maybe<ResolversParentTypes['RouteResponse']> };
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  JSONObject: Scalars['JSONObject']['output'];
  Model: ModelParent;
  ModelConnection: Omit<ModelConnection, 'edges' | 'nodes'> & { edges: Array<Maybe<ResolversParentTypes['ModelEdge']>>, nodes: Array<Maybe<ResolversParentTypes['Model']>> };
  ModelEdge: Omit<ModelEdge, 'node'> & { node: ResolversParentTypes['Model'] };
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  PatchOperationInput: PatchOperationInput;
  Query: Record<PropertyKey, never>;
  ResourceRequest: ResourceRequestModel;
  ResourceRequestConnection: Omit<ResourceRequestConnection, 'edges' | 'nodes'> & { edges: Array<Maybe<ResolversParentTypes['ResourceRequestEdge']>>, nodes: Array<Maybe<ResolversParentTypes['ResourceRequest']>> };
  ResourceRequestEdge: Omit<ResourceRequestEdge, 'node'> & { node: ResolversParentTypes['ResourceRequest'] };
  ResourceRequestPayload: Omit<ResourceRequestPayload, 'request'> & { request: ResolversParentTypes['ResourceRequest'] };
  ResponseModel: ResponseModelParent;
  ResponseModelInput: ResponseModelInput;
  ResponseParameter: ResponseParameter;
  ResponseParameterInput: ResponseParameterInput;
  Route: RouteParent;
  RouteConnection: Omit<RouteConnection, 'edges' | 'nodes'> & { edges: Array<Maybe<ResolversParentTypes['RouteEdge']>>, nodes: Array<Maybe<ResolversParentTypes['Route']>> };
  RouteEdge: Omit<RouteEdge, 'node'> & { node: ResolversParentTypes['Route'] };
  RouteResponse: RouteResponseParent;
  RouteResponseChanges: RouteResponseChanges;
  RouteResponseConnection: Omit<RouteResponseConnection, 'edges' | 'nodes'> & { edges: Array<Maybe<ResolversParentTypes['RouteResponseEdge']>>, nodes: Array<Maybe<ResolversParentTypes['RouteResponse']>> };
  RouteResponseEdge: Omit<RouteResponseEdge, 'node'> & { node: ResolversParentTypes['RouteResponse'] };
  RouteResponsePayload: Omit<RouteResponsePayload, 'request' | 'routeResponse'> & { request: ResolversParentTypes['ResourceRequest'], routeResponse?: Maybe<ResolversParentTypes['RouteResponse']> };
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  UpdateRouteResponseInput: UpdateRouteResponseInput;
};

export type ApiResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Api'] = ResolversParentTypes['Api']> = {
  apiEndpoint?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  apiId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  models?: Resolver<Maybe<ResolversTypes['ModelConnection']>, ParentType, ContextType, RequireFields<ApiModelsArgs, 'first'>>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  properties?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
  protocolType?: Resolver<Maybe<ResolversTypes['ProtocolType']>, ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  routeSelectionExpression?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  routes?: Resolver<Maybe<ResolversTypes['RouteConnection']>, ParentType, ContextType, RequireFields<ApiRoutesArgs, 'first'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ApiConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ApiConnection'] = ResolversParentTypes['ApiConnection']> = {
  edges?: Resolver<Array<Maybe<ResolversTypes['ApiEdge']>>, ParentType, ContextType>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['Api']>>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ApiEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ApiEdge'] = ResolversParentTypes['ApiEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Api'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeleteRouteResponsePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DeleteRouteResponsePayload'] = ResolversParentTypes['DeleteRouteResponsePayload']> = {
  deletedRouteResponseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  request?: Resolver<ResolversTypes['ResourceRequest'], ParentType, ContextType>;
  routeResponse?: Resolver<Maybe<ResolversTypes['RouteResponse']>, ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export interface JsonObjectScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSONObject'], any> {
  name: 'JSONObject';
}

export type ModelResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Model'] = ResolversParentTypes['Model']> = {
  api?: Resolver<Maybe<ResolversTypes['Api']>, ParentType, ContextType>;
  apiId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contentType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  modelId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  properties?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  schema?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ModelConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelConnection'] = ResolversParentTypes['ModelConnection']> = {
  edges?: Resolver<Array<Maybe<ResolversTypes['ModelEdge']>>, ParentType, ContextType>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['Model']>>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ModelEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelEdge'] = ResolversParentTypes['ModelEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Model'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelResourceRequest?: Resolver<Maybe<ResolversTypes['ResourceRequestPayload']>, ParentType, ContextType, RequireFields<MutationCancelResourceRequestArgs, 'input'>>;
  createRouteResponse?: Resolver<Maybe<ResolversTypes['RouteResponsePayload']>, ParentType, ContextType, RequireFields<MutationCreateRouteResponseArgs, 'input'>>;
  deleteRouteResponse?: Resolver<Maybe<ResolversTypes['DeleteRouteResponsePayload']>, ParentType, ContextType, RequireFields<MutationDeleteRouteResponseArgs, 'input'>>;
  updateRouteResponse?: Resolver<Maybe<ResolversTypes['RouteResponsePayload']>, ParentType, ContextType, RequireFields<MutationUpdateRouteResponseArgs, 'input'>>;
};

export type NodeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Api' | 'Model' | 'ResourceRequest' | 'Route' | 'RouteResponse', ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  api?: Resolver<Maybe<ResolversTypes['Api']>, ParentType, ContextType, RequireFields<QueryApiArgs, 'apiId'>>;
  apis?: Resolver<Maybe<ResolversTypes['ApiConnection']>, ParentType, ContextType, RequireFields<QueryApisArgs, 'first'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodes?: Resolver<Maybe<Array<Maybe<ResolversTypes['Node']>>>, ParentType, ContextType, RequireFields<QueryNodesArgs, 'ids'>>;
  resourceRequest?: Resolver<Maybe<ResolversTypes['ResourceRequest']>, ParentType, ContextType, RequireFields<QueryResourceRequestArgs, 'requestToken'>>;
  resourceRequests?: Resolver<Maybe<ResolversTypes['ResourceRequestConnection']>, ParentType, ContextType, RequireFields<QueryResourceRequestsArgs, 'first'>>;
  routeResponse?: Resolver<Maybe<ResolversTypes['RouteResponse']>, ParentType, ContextType, RequireFields<QueryRouteResponseArgs, 'apiId' | 'routeId' | 'routeResponseId'>>;
  routeResponses?: Resolver<Maybe<ResolversTypes['RouteResponseConnection']>, ParentType, ContextType, RequireFields<QueryRouteResponsesArgs, 'apiId' | 'first' | 'routeId'>>;
};

export type ResourceRequestResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ResourceRequest'] = ResolversParentTypes['ResourceRequest']> = {
  done?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['ResourceOperation'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resourceModel?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  retryAfter?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  routeResponse?: Resolver<Maybe<ResolversTypes['RouteResponse']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OperationStatus'], ParentType, ContextType>;
  statusMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ResourceRequestConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ResourceRequestConnection'] = ResolversParentTypes['ResourceRequestConnection']> = {
  edges?: Resolver<Array<Maybe<ResolversTypes['ResourceRequestEdge']>>, ParentType, ContextType>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['ResourceRequest']>>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ResourceRequestEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ResourceRequestEdge'] = ResolversParentTypes['ResourceRequestEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ResourceRequest'], ParentType, ContextType>;
};

export type ResourceRequestPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ResourceRequestPayload'] = ResolversParentTypes['ResourceRequestPayload']> = {
  request?: Resolver<ResolversTypes['ResourceRequest'], ParentType, ContextType>;
};

export type ResponseModelResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ResponseModel'] = ResolversParentTypes['ResponseModel']> = {
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['Model']>, ParentType, ContextType>;
  modelName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ResponseParameterResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ResponseParameter'] = ResolversParentTypes['ResponseParameter']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type RouteResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Route'] = ResolversParentTypes['Route']> = {
  api?: Resolver<Maybe<ResolversTypes['Api']>, ParentType, ContextType>;
  apiId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  authorizationType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  modelSelectionExpression?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  operationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  properties?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  routeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  routeKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  routeResponse?: Resolver<Maybe<ResolversTypes['RouteResponse']>, ParentType, ContextType>;
  routeResponseSelectionExpression?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  routeResponses?: Resolver<Maybe<ResolversTypes['RouteResponseConnection']>, ParentType, ContextType, RequireFields<RouteRouteResponsesArgs, 'first'>>;
  target?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  twoWay?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RouteConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RouteConnection'] = ResolversParentTypes['RouteConnection']> = {
  edges?: Resolver<Array<Maybe<ResolversTypes['RouteEdge']>>, ParentType, ContextType>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['Route']>>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type RouteEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RouteEdge'] = ResolversParentTypes['RouteEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Route'], ParentType, ContextType>;
};

export type RouteResponseResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RouteResponse'] = ResolversParentTypes['RouteResponse']> = {
  api?: Resolver<Maybe<ResolversTypes['Api']>, ParentType, ContextType>;
  apiId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  modelSelectionExpression?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  properties?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  responseModels?: Resolver<Array<ResolversTypes['ResponseModel']>, ParentType, ContextType>;
  responseParameters?: Resolver<Array<ResolversTypes['ResponseParameter']>, ParentType, ContextType>;
  route?: Resolver<Maybe<ResolversTypes['Route']>, ParentType, ContextType>;
  routeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  routeResponseId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  routeResponseKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RouteResponseConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RouteResponseConnection'] = ResolversParentTypes['RouteResponseConnection']> = {
  edges?: Resolver<Array<Maybe<ResolversTypes['RouteResponseEdge']>>, ParentType, ContextType>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['RouteResponse']>>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type RouteResponseEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RouteResponseEdge'] = ResolversParentTypes['RouteResponseEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['RouteResponse'], ParentType, ContextType>;
};

export type RouteResponsePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RouteResponsePayload'] = ResolversParentTypes['RouteResponsePayload']> = {
  request?: Resolver<ResolversTypes['ResourceRequest'], ParentType, ContextType>;
  routeResponse?: Resolver<Maybe<ResolversTypes['RouteResponse']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  resourceRequestProgress?: SubscriptionResolver<ResolversTypes['ResourceRequest'], "resourceRequestProgress", ParentType, ContextType, RequireFields<SubscriptionResourceRequestProgressArgs, 'requestToken'>>;
};

export type Resolvers<ContextType = GatewayContext> = {
  Api?: ApiResolvers<ContextType>;
  ApiConnection?: ApiConnectionResolvers<ContextType>;
  ApiEdge?: ApiEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeleteRouteResponsePayload?: DeleteRouteResponsePayloadResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  JSONObject?: GraphQLScalarType;
  Model?: ModelResolvers<ContextType>;
  ModelConnection?: ModelConnectionResolvers<ContextType>;
  ModelEdge?: ModelEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ResourceRequest?: ResourceRequestResolvers<ContextType>;
  ResourceRequestConnection?: ResourceRequestConnectionResolvers<ContextType>;
  ResourceRequestEdge?: ResourceRequestEdgeResolvers<ContextType>;
  ResourceRequestPayload?: ResourceRequestPayloadResolvers<ContextType>;
  ResponseModel?: ResponseModelResolvers<ContextType>;
  ResponseParameter?: ResponseParameterResolvers<ContextType>;
  Route?: RouteResolvers<ContextType>;
  RouteConnection?: RouteConnectionResolvers<ContextType>;
  RouteEdge?: RouteEdgeResolvers<ContextType>;
  RouteResponse?: RouteResponseResolvers<ContextType>;
  RouteResponseConnection?: RouteResponseConnectionResolvers<ContextType>;
  RouteResponseEdge?: RouteResponseEdgeResolvers<ContextType>;
  RouteResponsePayload?: RouteResponsePayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
};

