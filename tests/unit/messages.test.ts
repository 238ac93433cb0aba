/**
 * The interface texts (messages/<locale>/*.json, ICU message syntax): every language has every message, each parses,
 * and each says what the English one says, so no page shows a raw key or a missing value in French.
 */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { en } from "@/messages/en";
import { fr } from "@/messages/fr";

type Tree = { readonly [key: string]: string | Tree };

/** Every message of a tree by its dotted key. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The arguments a message uses, with their kind ("argument", "plural", "tag" …), sorted. */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        into.add(`${el.value}:${TYPE[el.type]}`);
        break;
      case TYPE.plural:
      case TYPE.select:
        into.add(`${el.value}:${TYPE[el.type]}`);
        for (const option of Object.values(el.options)) argumentsOf(option.value, into);
        break;
      case TYPE.tag:
        into.add(`<${el.value}>`);
        argumentsOf(el.children, into);
        break;
      default:
        break;
    }
  }
  return into;
}

const english = flatten(en as unknown as Tree);
const french = flatten(fr as unknown as Tree);

describe("the French messages", () => {
  it("have exactly the English keys", () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("are not empty", () => {
    expect([...french].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
    expect([...english].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
  });

  // French may add a selector the English does not need (a select on a date's precision for "le", a plural where
  // English has none), but must say everything the English says and keep its markup.
  it.each([...english.keys()])("%s parses, keeps the English arguments and markup, adds only selectors", (key) => {
    const source = argumentsOf(parse(english.get(key)!));
    const target = argumentsOf(parse(french.get(key) ?? ""));
    const names = (set: Set<string>) => new Set([...set].map((a) => a.split(":")[0]!));
    const sourceNames = names(source);
    for (const name of sourceNames) expect(names(target), `${key} drops ${name}`).toContain(name);
    const extra = [...target].filter((a) => !sourceNames.has(a.split(":")[0]!));
    expect(
      extra.filter((a) => !/:(plural|select)$/.test(a)),
      `${key} adds values`,
    ).toEqual([]);
  });

  it("use no plain space before a colon, a semicolon, a question or an exclamation mark, nor inside « »", () => {
    const misplaced = [...french].filter(([, text]) => / [:;?!»]|« /.test(text.replace(/\{[^{}]*\}/g, "")));
    expect(misplaced.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });
});
