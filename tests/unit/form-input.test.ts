import { describe, expect, it } from "vitest";
import { all, list, nullableText, number, optionalText, text, version } from "@/lib/actions/form-input";

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("reading a submitted form into a command's input", () => {
  it("gives text as typed, and a missing field as empty text", () => {
    const data = form([["title", "  Deploy the unit  "]]);
    expect(text(data, "title")).toBe("  Deploy the unit  ");
    expect(text(data, "missing")).toBe("");
  });

  it("treats an empty or blank optional field as left out, and a nullable one as none", () => {
    const data = form([
      ["deadline", "   "],
      ["url", " https://example.org "],
    ]);
    expect(optionalText(data, "deadline")).toBeUndefined();
    expect(nullableText(data, "deadline")).toBeNull();
    expect(optionalText(data, "url")).toBe("https://example.org");
  });

  it("gives every value of a repeated field in order", () => {
    const data = form([
      ["sources", "bbc"],
      ["sources", "times"],
    ]);
    expect(all(data, "sources")).toEqual(["bbc", "times"]);
    expect(all(data, "none")).toEqual([]);
  });

  it("splits a typed list on commas and lines, dropping empty entries", () => {
    expect(list(form([["tags", "asylum, returns,\n, small boats "]]), "tags")).toEqual([
      "asylum",
      "returns",
      "small boats",
    ]);
  });

  it("reads numbers, and passes anything else through for the schema to name", () => {
    expect(number(form([["n", " 42 "]]), "n")).toBe(42);
    expect(number(form([["n", "-1.5"]]), "n")).toBe(-1.5);
    expect(number(form([["n", "1e3"]]), "n")).toBe(1000);
    expect(number(form([["n", ""]]), "n")).toBeUndefined();
    for (const typed of ["ten", "0x10", "1,5", "Infinity", "1e999", "--1"]) {
      expect(number(form([["n", typed]]), "n")).toBe(typed);
    }
    expect(version(form([["expectedVersion", "3"]]))).toBe(3);
  });
});
