/**
 * Where a JSON text is broken, as line and column: JSON.parse does not always say (V8 often reports only the token),
 * so a small scanner finds the first error. It is only run on a text that JSON.parse refused. Iterative: a deeply
 * nested text cannot exhaust the stack.
 */

export interface JsonSyntaxError {
  /** Offset in UTF-16 code units. */
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

function describeChar(ch: string): string {
  return JSON.stringify(ch);
}

/** The first syntax error of a JSON text, or null when it is valid JSON. */
export function locateJsonError(text: string): JsonSyntaxError | null {
  const n = text.length;
  let i = 0;
  const stack: ("{" | "[")[] = [];
  type Expect = "value" | "valueOrClose" | "keyOrClose" | "key" | "colon" | "commaOrClose" | "end";
  let expect: Expect = "value";

  const fail = (offset: number, message: string): JsonSyntaxError => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < offset && k < n; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    return { offset, line, column: offset - lineStart + 1, message };
  };
  const afterValue = (): Expect => (stack.length === 0 ? "end" : "commaOrClose");

  /** Scans a string starting at `i` (a `"`); returns an error or advances `i` past it. */
  const scanString = (): JsonSyntaxError | null => {
    const start = i;
    i++;
    for (;;) {
      if (i >= n) return fail(start, "unterminated string");
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c === 92) {
        const next = text[i + 1];
        if (next === undefined) return fail(start, "unterminated string");
        if (next === "u") {
          if (!HEX4.test(text.slice(i + 2, i + 6))) return fail(i, "invalid \\u escape in string");
          i += 6;
        } else if ('"\\/bfnrt'.includes(next)) {
          i += 2;
        } else {
          return fail(i, `invalid escape "\\${next}" in string`);
        }
        continue;
      }
      if (c < 0x20) return fail(i, "control character (such as a line break) inside a string");
      i++;
    }
  };

  for (;;) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
    if (i >= n) return expect === "end" ? null : fail(n, "unexpected end of input");
    const ch = text[i] ?? "";
    switch (expect) {
      case "value":
      case "valueOrClose": {
        if (expect === "valueOrClose" && ch === "]") {
          stack.pop();
          i++;
          expect = afterValue();
          break;
        }
        if (ch === "{") {
          stack.push("{");
          i++;
          expect = "keyOrClose";
          break;
        }
        if (ch === "[") {
          stack.push("[");
          i++;
          expect = "valueOrClose";
          break;
        }
        if (ch === '"') {
          const error = scanString();
          if (error) return error;
          expect = afterValue();
          break;
        }
        if (ch === "-" || (ch >= "0" && ch <= "9")) {
          NUMBER.lastIndex = i;
          const m = NUMBER.exec(text);
          if (!m) return fail(i, "invalid number");
          i += m[0].length;
          expect = afterValue();
          break;
        }
        const literal = ["true", "false", "null"].find((word) => text.startsWith(word, i));
        if (literal) {
          i += literal.length;
          expect = afterValue();
          break;
        }
        return fail(i, `unexpected ${describeChar(ch)}, expected a value`);
      }
      case "keyOrClose":
      case "key": {
        if (expect === "keyOrClose" && ch === "}") {
          stack.pop();
          i++;
          expect = afterValue();
          break;
        }
        if (ch !== '"') return fail(i, `unexpected ${describeChar(ch)}, expected a double-quoted property name`);
        const error = scanString();
        if (error) return error;
        expect = "colon";
        break;
      }
      case "colon":
        if (ch !== ":") return fail(i, `unexpected ${describeChar(ch)}, expected ":" after a property name`);
        i++;
        expect = "value";
        break;
      case "commaOrClose": {
        const close = stack[stack.length - 1] === "{" ? "}" : "]";
        if (ch === ",") {
          i++;
          expect = close === "}" ? "key" : "value";
        } else if (ch === close) {
          stack.pop();
          i++;
          expect = afterValue();
        } else {
          return fail(i, `unexpected ${describeChar(ch)}, expected "," or "${close}"`);
        }
        break;
      }
      case "end":
        return fail(i, `unexpected ${describeChar(ch)} after the end of the JSON value`);
    }
  }
}
