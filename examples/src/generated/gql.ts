/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ListRouteResponses($apiId: String!, $routeId: String!, $after: String) {\n  routeResponses(apiId: $apiId, routeId: $routeId, first: 25, after: $after) {\n    nodes {\n      id\n      routeResponseId\n      routeResponseKey\n      modelSelectionExpression\n      responseModels {\n        contentType\n        modelName\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation SetModelSelectionExpression($apiId: String!, $routeId: String!, $routeResponseId: String!, $expression: String) {\n  updateRouteResponse(\n    input: {apiId: $apiId, routeId: $routeId, routeResponseId: $routeResponseId, set: {modelSelectionExpression: $expression}}\n  ) {\n    request {\n      ...RequestProgress\n    }\n  }\n}\n\nsubscription FollowRequest($requestToken: String!) {\n  resourceRequestProgress(requestToken: $requestToken) {\n    ...RequestProgress\n  }\n}\n\nquery RequestStatus($requestToken: String!) {\n  resourceRequest(requestToken: $requestToken) {\n    ...RequestProgress\n  }\n}\n\nfragment RequestProgress on ResourceRequest {\n  requestToken\n  operation\n  status\n  done\n  statusMessage\n  errorCode\n}": typeof types.ListRouteResponsesDocument,
};
const documents: Documents = {
    "query ListRouteResponses($apiId: String!, $routeId: String!, $after: String) {\n  routeResponses(apiId: $apiId, routeId: $routeId, first: 25, after: $after) {\n    nodes {\n      id\n      routeResponseId\n      routeResponseKey\n      modelSelectionExpression\n      responseModels {\n        contentType\n        modelName\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation SetModelSelectionExpression($apiId: String!, $routeId: String!, $routeResponseId: String!, $expression: String) {\n  updateRouteResponse(\n    input: {apiId: $apiId, routeId: $routeId, routeResponseId: $routeResponseId, set: {modelSelectionExpression: $expression}}\n  ) {\n    request {\n      ...RequestProgress\n    }\n  }\n}\n\nsubscription FollowRequest($requestToken: String!) {\n  resourceRequestProgress(requestToken: $requestToken) {\n    ...RequestProgress\n  }\n}\n\nquery RequestStatus($requestToken: String!) {\n  resourceRequest(requestToken: $requestToken) {\n    ...RequestProgress\n  }\n}\n\nfragment RequestProgress on ResourceRequest {\n  requestToken\n  operation\n  status\n  done\n  statusMessage\n  errorCode\n}": types.ListRouteResponsesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListRouteResponses($apiId: String!, $routeId: String!, $after: String) {\n  routeResponses(apiId: $apiId, routeId: $routeId, first: 25, after: $after) {\n    nodes {\n      id\n      routeResponseId\n      routeResponseKey\n      modelSelectionExpression\n      responseModels {\n        contentType\n        modelName\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation SetModelSelectionExpression($apiId: String!, $routeId: String!, $routeResponseId: String!, $expression: String) {\n  updateRouteResponse(\n    input: {apiId: $apiId, routeId: $routeId, routeResponseId: $routeResponseId, set: {modelSelectionExpression: $expression}}\n  ) {\n    request {\n      ...RequestProgress\n    }\n  }\n}\n\nsubscription FollowRequest($requestToken: String!) {\n  resourceRequestProgress(requestToken: $requestToken) {\n    ...RequestProgress\n  }\n}\n\nquery RequestStatus($requestToken: String!) {\n  resourceRequest(requestToken: $requestToken) {\n    ...RequestProgress\n  }\n}\n\nfragment RequestProgress on ResourceRequest {\n  requestToken\n  operation\n  status\n  done\n  statusMessage\n  errorCode\n}"): typeof import('./graphql').ListRouteResponsesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
