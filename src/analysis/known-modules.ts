// The module names the framework adapters know, set once by the facts layer from the registry.
// A module of its own, importing nothing: `exports.ts` and `facts.ts` import each other through
// the analysis, and whichever a test file (or a user's bundler) loads first must find this state
// already made, not in its temporal dead zone.

let known: ReadonlySet<string> = new Set();

/** Sets the module names the adapters know (the registry's, once). */
export function setKnownModules(modules: ReadonlySet<string>): void {
  known = modules;
}

/** The module names the adapters know. */
export function knownModules(): ReadonlySet<string> {
  return known;
}
