export { maxAliasesRule } from "./aliases.js";
export { maxDepthRule } from "./depth.js";
