export { withRootFieldScopes } from "./rootFieldScopes.js";
