// The emulator's public surface. It imports nothing else from src/: it is a server that the real AWS
// SDK talks to over loopback, and could be lifted out of this project as it is.
export { startEmulator } from "./server.js";
export { Operation, OPERATIONS } from "./options.js";
export type {
  EmulatorOptions,
  EmulatorStats,
  FaultSettings,
  ForcedHandlerFailure,
  InjectedError,
  OperationStats,
  RunningEmulator,
  SeedDocument,
  SeedResource,
  StaticCredential,
} from "./options.js";
export * as demo from "./demoSeed.js";
