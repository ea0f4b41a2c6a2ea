/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Where a Cloud Control request is in its lifecycle. */
export type OperationStatus =
  | 'CANCEL_COMPLETE'
  | 'CANCEL_IN_PROGRESS'
  | 'FAILED'
  | 'IN_PROGRESS'
  | 'PENDING'
  | 'SUCCESS';

/** The kind of write a Cloud Control request makes. */
export type ResourceOperation =
  | 'CREATE'
  | 'DELETE'
  | 'UPDATE';

export type ListRouteResponsesQueryVariables = Exact<{
  apiId: string;
  routeId: string;
  after?: string | null | undefined;
}>;


export type ListRouteResponsesQuery = { routeResponses: { nodes: Array<{ id: string, routeResponseId: string, routeResponseKey: string, modelSelectionExpression: string | null, responseModels: Array<{ contentType: string, modelName: string }> } | null>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SetModelSelectionExpressionMutationVariables = Exact<{
  apiId: string;
  routeId: string;
  routeResponseId: string;
  expression?: string | null | undefined;
}>;


export type SetModelSelectionExpressionMutation = { updateRouteResponse: { request: { requestToken: string, operation: ResourceOperation, status: OperationStatus, done: boolean, statusMessage: string | null, errorCode: string | null } } };

export type FollowRequestSubscriptionVariables = Exact<{
  requestToken: string;
}>;


export type FollowRequestSubscription = { resourceRequestProgress: { requestToken: string, operation: ResourceOperation, status: OperationStatus, done: boolean, statusMessage: string | null, errorCode: string | null } };

export type RequestStatusQueryVariables = Exact<{
  requestToken: string;
}>;


export type RequestStatusQuery = { resourceRequest: { requestToken: string, operation: ResourceOperation, status: OperationStatus, done: boolean, statusMessage: string | null, errorCode: string | null } | null };

export type RequestProgressFragment = { requestToken: string, operation: ResourceOperation, status: OperationStatus, done: boolean, statusMessage: string | null, errorCode: string | null };

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
export const RequestProgressFragmentDoc = new TypedDocumentString(`
    fragment RequestProgress on ResourceRequest {
  requestToken
  operation
  status
  done
  statusMessage
  errorCode
}
    `, {"fragmentName":"RequestProgress"}) as unknown as TypedDocumentString<RequestProgressFragment, unknown>;
export const ListRouteResponsesDocument = new TypedDocumentString(`
    query ListRouteResponses($apiId: String!, $routeId: String!, $after: String) {
  routeResponses(apiId: $apiId, routeId: $routeId, first: 25, after: $after) {
    nodes {
      id
      routeResponseId
      routeResponseKey
      modelSelectionExpression
      responseModels {
        contentType
        modelName
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ListRouteResponsesQuery, ListRouteResponsesQueryVariables>;
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
  requestToken
  operation
  status
  done
  statusMessage
  errorCode
}`) as unknown as TypedDocumentString<RequestStatusQuery, RequestStatusQueryVariables>;