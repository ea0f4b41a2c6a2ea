// Things a test file started, closed when the file is done (last started, first closed), however
// deep in hooks or tests they were started: node:test's `after` registered inside a `before` hook
// would run right after that hook, so helpers register here instead.
import { after } from "node:test";

const leftovers: Array<() => Promise<void>> = [];
after(async () => {
  while (leftovers.length > 0) await leftovers.pop()?.();
});

export function closeWhenDone(dispose: () => Promise<void>): void {
  leftovers.push(dispose);
}
