/*
 * The globals the page scripts share, which a script cannot declare in JSDoc.
 * The types named here are JSDoc typedefs of the scripts that define them.
 */

/** calculator-engine.js: one engine per page visit, shared by its calculators. */
declare var CalculatorEngine: CalculatorEngineRegistry;

/** Material for MkDocs' document observable: emits the document for the first
 * page and after every instant navigation. */
declare var document$: {
  subscribe(next: (document: Document) => void): { unsubscribe(): void };
};

/** Material for MkDocs' storage helper (its inline script in the head): writes
 * `value` as JSON under the site's scope and `key` (palette-storage.js wraps it). */
declare var __md_set: (key: string, value: unknown, storage?: Storage, scope?: URL) => void;
