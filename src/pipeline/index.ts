// The one operation pipeline every door uses (pipeline.ts says which steps, in which order).
export { pipelinePlugin } from "./apollo.js";
export { createCrossSiteCheck } from "./crossSite.js";
export type { CrossSiteCheck, CrossSiteOptions } from "./crossSite.js";
export { createHostCheck, hostName, isLoopbackName } from "./hostCheck.js";
export type { HostCheck, HostCheckOptions } from "./hostCheck.js";
export { createOperationPipeline } from "./pipeline.js";
export type { AdmittedOperation, Caller, Door, OperationPipeline, OperationRecord, OperationRequest, PipelineOptions, SubscriptionCaps } from "./pipeline.js";
export { Refusal, RequestCode, badRequest, forbidden } from "./refusal.js";
export type { RefusalOptions } from "./refusal.js";
