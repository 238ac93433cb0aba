/**
 * The message templates written in the sources, found by reading them (the TypeScript parser, no evaluation): what a
 * schema expects (`expecting("…")`), the messages of zod options and checks (`{ error: … }`, `{ message: … }`,
 * `.min(n, "…")`), lib/data's errors (`new NotFoundError(…)`, `new ConflictError(…)`, `ValidationError.field(_, …)`,
 * field errors written by hand), and the issues of the import (`add(path, …)`, `fail(offset, …)`). A template keeps
 * each `${…}` as it is written, so a test can put a sample value in its place.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Where messages are written: the schemas and the import (lib/domain), the data layer, the password rule. */
const SOURCES = ["lib/domain", "lib/data", "lib/auth/password.ts"];
/** The translation itself is not a source of English messages. */
const NOT_SOURCES = new Set(["lib/domain/messages-fr.ts"]);

export interface MessageTemplate {
  /** Relative to the repository, e.g. `lib/domain/schemas/find.ts`. */
  readonly file: string;
  /** `expectation`: the phrase of `expected <phrase>, got <value>`; `message`: a whole message. */
  readonly kind: "expectation" | "message";
  /** The text with its `${expression}` placeholders as written. */
  readonly template: string;
}

function tsFiles(relative: string): string[] {
  const absolute = path.join(ROOT, relative);
  if (!statSync(absolute).isDirectory()) return [relative];
  return readdirSync(absolute).flatMap((name) => {
    const child = path.posix.join(relative, name);
    if (name === "generated") return [];
    if (statSync(path.join(ROOT, child)).isDirectory()) return tsFiles(child);
    return name.endsWith(".ts") ? [child] : [];
  });
}

const ZOD_CHECKS = new Set(["min", "max", "length", "gt", "gte", "lt", "lte", "regex", "refine", "email"]);
const DATA_ERRORS = new Set(["NotFoundError", "ConflictError"]);

/** The texts an expression can be: literals, templates, `+`, `a ? b : c`, `.concat(…)`, `list.map(x => …).join(…)`. */
function textsOf(node: ts.Node, source: ts.SourceFile): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    return [
      node.templateSpans.reduce(
        (text, span) => `${text}\${${span.expression.getText(source)}}${span.literal.text}`,
        node.head.text,
      ),
    ];
  }
  if (ts.isParenthesizedExpression(node)) return textsOf(node.expression, source);
  if (ts.isConditionalExpression(node)) return [...textsOf(node.whenTrue, source), ...textsOf(node.whenFalse, source)];
  if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return textsOf(node.body, source);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const right = textsOf(node.right, source);
    return textsOf(node.left, source).flatMap((left) => right.map((r) => left + r));
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const { name, expression: target } = node.expression;
    const [argument] = node.arguments;
    if (name.text === "concat" && argument !== undefined) {
      const tail = textsOf(argument, source);
      return textsOf(target, source).flatMap((head) => tail.map((t) => head + t));
    }
    if (name.text === "join") return textsOf(target, source);
    if (name.text === "map" && argument !== undefined) return textsOf(argument, source);
  }
  return [];
}

/** The string literals of the arrays in an object literal: `{ asOf: ["…"] }`. */
function fieldErrorTexts(node: ts.Node, source: ts.SourceFile): string[] {
  if (!ts.isObjectLiteralExpression(node)) return [];
  return node.properties.flatMap((p) =>
    ts.isPropertyAssignment(p) && ts.isArrayLiteralExpression(p.initializer)
      ? p.initializer.elements.flatMap((e) => textsOf(e, source))
      : [],
  );
}

function calleeName(node: ts.CallExpression | ts.NewExpression): string {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return "";
}

function templatesOf(file: string): MessageTemplate[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
  const found: MessageTemplate[] = [];
  const add = (kind: MessageTemplate["kind"], texts: readonly string[]) => {
    for (const template of texts) found.push({ file, kind, template });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const args = node.arguments;
      if (name === "expecting" && args[0]) add("expectation", textsOf(args[0], source));
      else if (ts.isPropertyAccessExpression(node.expression) && ZOD_CHECKS.has(name)) {
        for (const arg of args.slice(1)) add("message", textsOf(arg, source));
      } else if (name === "field" && node.expression.getText(source) === "ValidationError.field" && args[1]) {
        add("message", textsOf(args[1], source));
      } else if ((name === "add" || name === "fail") && ts.isIdentifier(node.expression) && args[1]) {
        add("message", textsOf(args[1], source));
      }
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.arguments?.[0]) {
      if (DATA_ERRORS.has(node.expression.text)) add("message", textsOf(node.arguments[0], source));
      if (node.expression.text === "ValidationError") add("message", fieldErrorTexts(node.arguments[0], source));
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
      if (node.name.text === "error" || node.name.text === "message") add("message", textsOf(node.initializer, source));
      if (node.name.text === "fieldErrors") add("message", fieldErrorTexts(node.initializer, source));
    }
    // `errors[path] = ["…"]` (a field error written by hand) and `const message = …`.
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isElementAccessExpression(node.left) &&
      ts.isArrayLiteralExpression(node.right)
    ) {
      add(
        "message",
        node.right.elements.flatMap((e) => textsOf(e, source)),
      );
    }
    if (ts.isVariableDeclaration(node) && node.name.getText(source) === "message" && node.initializer) {
      add("message", textsOf(node.initializer, source));
    }
    // `messages[0] ?? "This value is not accepted."`: a sentence given when a schema gave none.
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken &&
      ts.isStringLiteral(node.right) &&
      node.right.text.includes(" ")
    ) {
      add("message", [node.right.text]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every template of the sources, each once per file, in the files' order. */
export function messageTemplates(): MessageTemplate[] {
  const seen = new Set<string>();
  return SOURCES.flatMap(tsFiles)
    .filter((file) => !NOT_SOURCES.has(file))
    .sort()
    .flatMap(templatesOf)
    .filter((t) => {
      const key = `${t.file}\u0000${t.kind}\u0000${t.template}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The `${…}` expressions of a template, in order. */
export function placeholders(template: string): string[] {
  const out: string[] = [];
  let i = 0;
  while ((i = template.indexOf("${", i)) !== -1) {
    // Expressions may hold braces or template literals of their own: find the matching "}".
    let depth = 0;
    let j = i + 2;
    for (; j < template.length; j++) {
      if (template[j] === "{") depth++;
      else if (template[j] === "}") {
        if (depth === 0) break;
        depth--;
      }
    }
    out.push(template.slice(i + 2, j));
    i = j + 1;
  }
  return out;
}
