// Replaces react-style-singleton's `stylesheetSingleton` in the bundle (scripts/build-ide.mjs). The
// original adds a `<style>` element, which the page's CSP (style-src 'self') blocks: Radix dialogs
// in GraphiQL use it, through react-remove-scroll, to lock the page's scrolling while they are open.
// A constructable stylesheet (CSSOM, adopted by the document) applies the same rules and is not
// subject to style-src, so the CSP needs no 'unsafe-inline' and the dialogs keep their behaviour.

export interface StyleSheetSingleton {
  add(style: string): void;
  remove(): void;
}

/** Same contract as react-style-singleton 2.x: the first `add` applies the rules, the last `remove` drops them. */
export function stylesheetSingleton(): StyleSheetSingleton {
  let counter = 0;
  let sheet: CSSStyleSheet | null = null;
  return {
    add(style) {
      if (counter === 0 && typeof document !== "undefined" && "adoptedStyleSheets" in document) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(style);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }
      counter += 1;
    },
    remove() {
      counter -= 1;
      if (counter === 0 && sheet !== null) {
        const added = sheet;
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== added);
        sheet = null;
      }
    },
  };
}
