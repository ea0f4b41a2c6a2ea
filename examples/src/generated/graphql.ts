/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** The kind of write a Cloud Control request makes. */
export type ResourceOperation =
  /** A CreateResource request. */
  | 'CREATE'
  /** A DeleteResource request. */
  | 'DELETE'
  /** An UpdateResource request. */
  | 'UPDATE';

export type ListWebSocketApisQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ListWebSocketApisQuery = { apis: { nodes: Array<{ id: string, apiId: string, name: string | null, description: string | null } | null>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type ApiGraphQueryVariables = Exact<{
  apiId: string;
}>;


export type ApiGraphQuery = { api: { id: string, apiId: string, name: string | null, routeSelectionExpression: string | null, routes: { nodes: Array<{ id: string, routeId: string, routeKey: string, twoWay: boolean, routeResponse: { id: string, apiId: string, routeId: string, routeResponseId: string, routeResponseKey: string, modelSelectionExpression: string | null, responseModels: Array<{ contentType: string, modelName: string, model: { id: string, name: string } | null }> } | null } | null>, pageInfo: { hasNextPage: boolean } } | null, models: { nodes: Array<{ id: string, modelId: string, name: string, contentType: string | null, description: string | null } | null>, pageInfo: { hasNextPage: boolean } } | null } | null };

export type RouteResponseRowFragment = { id: string, apiId: string, routeId: string, routeResponseId: string, routeResponseKey: string, modelSelectionExpression: string | null, responseModels: Array<{ contentType: string, modelName: string, model: { id: string, name: string } | null }> };

export type SetModelSelectionExpressionMutationVariables = Exact<{
  apiId: string;
  routeId: string;
  routeResponseId: string;
  expression?: string | null | undefined;
}>;


export type SetModelSelectionExpressionMutation = { updateRouteResponse: { request: { id: string, requestToken: string, operation: ResourceOperation, status: OperationStatus, done: boolean, statusMessage: string | null, errorCode: string | null } } | null };

export type FollowRequestSubscriptionVariables = Exact<{
  requestToken: string;
}>;


export type FollowRequestSubscription = { resourceRequestProgress: { id: string, requestToken: string, operation: ResourceOperation, status: OperationStatus, done: boolean, statusMessage: string | null, errorCode: string | null } };

export type RequestStatusQueryVariables = Exact<{
  requestToken: string;
}>;


export type RequestStatusQuery = { resourceRequest: { id: string, requestToken: string, operation: ResourceOperation, status: OperationStatus, done: boolean, statusMessage: string | null, errorCode: string | null } | null };

export type RequestProgressFragment = { id: string, requestToken: string, operation: ResourceOperation, status: OperationStatus, done: boolean, statusMessage: string | null, errorCode: string | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const RouteResponseRowFragmentDoc = new TypedDocumentString(`
    fragment RouteResponseRow on RouteResponse {
  id
  apiId
  routeId
  routeResponseId
  routeResponseKey
  modelSelectionExpression
  responseModels {
    contentType
    modelName
    model {
      id
      name
    }
  }
}
    `, {"fragmentName":"RouteResponseRow"}) as unknown as TypedDocumentString<RouteResponseRowFragment, unknown>;
export const RequestProgressFragmentDoc = new TypedDocumentString(`
    fragment RequestProgress on ResourceRequest {
  id
  requestToken
  operation
  status
  done
  statusMessage
  errorCode
}
    `, {"fragmentName":"RequestProgress"}) as unknown as TypedDocumentString<RequestProgressFragment, unknown>;
export const ListWebSocketApisDocument = new TypedDocumentString(`
    query ListWebSocketApis($after: String) {
  apis(protocolType: WEBSOCKET, first: 25, after: $after) {
    nodes {
      id
      apiId
      name
      description
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ListWebSocketApisQuery, ListWebSocketApisQueryVariables>;
export const ApiGraphDocument = new TypedDocumentString(`
    query ApiGraph($apiId: String!) {
  api(apiId: $apiId) {
    id
    apiId
    name
    routeSelectionExpression
    routes(first: 25) {
      nodes {
        id
        routeId
        routeKey
        twoWay
        routeResponse {
          ...RouteResponseRow
        }
      }
      pageInfo {
        hasNextPage
      }
    }
    models(first: 25) {
      nodes {
        id
        modelId
        name
        contentType
        description
      }
      pageInfo {
        hasNextPage
      }
    }
  }
}
    fragment RouteResponseRow on RouteResponse {
  id
  apiId
  routeId
  routeResponseId
  routeResponseKey
  modelSelectionExpression
  responseModels {
    contentType
    modelName
    model {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<ApiGraphQuery, ApiGraphQueryVariables>;
export const SetModelSelectionExpressionDocument = new TypedDocumentString(`
    mutation SetModelSelectionExpression($apiId: String!, $routeId: String!, $routeResponseId: String!, $expression: String) {
  updateRouteResponse(
    input: {apiId: $apiId, routeId: $routeId, routeResponseId: $routeResponseId, set: {modelSelectionExpression: $expression}}
  ) {
    request {
      ...RequestProgress
    }
  }
}
    fragment RequestProgress on ResourceRequest {
  id
  requestToken
  operation
  status
  done
  statusMessage
  errorCode
}`) as unknown as TypedDocumentString<SetModelSelectionExpressionMutation, SetModelSelectionExpressionMutationVariables>;
export const FollowRequestDocument = new TypedDocumentString(`
    subscription FollowRequest($requestToken: String!) {
  resourceRequestProgress(requestToken: $requestToken) {
    ...RequestProgress
  }
}
    fragment RequestProgress on ResourceRequest {
  id
  requestToken
  operation
  status
  done
  statusMessage
  errorCode
}`) as unknown as TypedDocumentString<FollowRequestSubscription, FollowRequestSubscriptionVariables>;
export const RequestStatusDocument = new TypedDocumentString(`
    query RequestStatus($requestToken: String!) {
  resourceRequest(requestToken: $requestToken) {
    ...RequestProgress
  }
}
    fragment RequestProgress on ResourceRequest {
  id
  requestToken
  operation
  status
  done
  statusMessage
  errorCode
}`) as unknown as TypedDocumentString<RequestStatusQuery, RequestStatusQueryVariables>;