import { describe, expect, it } from "vitest";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import configFor from "@/next.config.mjs";
import {
  MAX_DOCUMENT_BYTES,
  SERVER_ACTION_BODY_LIMIT_BYTES,
  fileSizeProblem,
  formatBytes,
  readDocumentFile,
} from "@/lib/actions/document-file";
import { MAX_DOCUMENT_CHARS } from "@/lib/domain/interchange";

const json = (content: BlobPart, name = "export.json", type = "application/json") =>
  new File([content], name, { type });

describe("reading an uploaded accordwatch/v1 file", () => {
  it.each([
    ["no file at all", null, "Choose an accordwatch/v1 file"],
    ["the empty part of a form sent without a file", new File([], "", { type: "application/octet-stream" }), "Choose"],
    ["a text field instead of a file", "{}", "Choose an accordwatch/v1 file"],
    ["an empty file", json(""), "“export.json” is empty."],
    ["a file of white space", json(" \n\t "), "“export.json” is empty."],
    ["a file of a byte order mark alone", json(new Uint8Array([0xef, 0xbb, 0xbf])), "is empty"],
    ["a file that is not JSON by name or type", json("{}", "report.pdf", "application/pdf"), "is not a JSON file"],
    ["bytes that are not UTF-8", json(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), "is not UTF-8 text"],
    ["UTF-16", json(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00])), "is not UTF-8 text"],
  ])("refuses %s with a message about the file", async (_case, value, message) => {
    const result = await readDocumentFile(value);
    expect(result).toEqual({ ok: false, message: expect.stringContaining(message) });
  });

  it("refuses a file over the limit before reading it, saying both sizes", async () => {
    const big = json(new Uint8Array(MAX_DOCUMENT_BYTES + 1));
    expect(await readDocumentFile(big)).toEqual({
      ok: false,
      message: "The file is 20.1 MB; the largest file that can be imported is 20 MB.",
    });
    expect(fileSizeProblem(25_400_000)).toBe("The file is 25.4 MB; the largest file that can be imported is 20 MB.");
    expect(fileSizeProblem(MAX_DOCUMENT_BYTES)).toBeNull();
  });

  it.each([
    ["a .json file of any type", json('{"a":1}', "Export.JSON", "")],
    ["a JSON type under another name", json('{"a":1}', "export", "application/json")],
    ["a +json type", json('{"a":1}', "export", "application/vnd.accordwatch+json")],
  ])("reads %s", async (_case, file) => {
    expect(await readDocumentFile(file)).toEqual({ ok: true, text: '{"a":1}' });
  });

  it("drops a byte order mark and keeps every other character", async () => {
    const file = json(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"t":"Königsberg — ✓"}')]));
    expect(await readDocumentFile(file)).toEqual({ ok: true, text: '{"t":"Königsberg — ✓"}' });
  });

  it("formats sizes as people read them", () => {
    expect([12, 1, 340_200, 1_200_000, 20_000_000].map(formatBytes)).toEqual([
      "12 bytes",
      "1 byte",
      "341 KB",
      "1.2 MB",
      "20 MB",
    ]);
  });
});

describe("the upload limit", () => {
  it("is no more characters than the interchange parser accepts", () => {
    expect(MAX_DOCUMENT_BYTES).toBeLessThanOrEqual(MAX_DOCUMENT_CHARS);
  });

  it("gets through Next.js's server action body limit with room for the form around the file", async () => {
    const nextConfig = await configFor(PHASE_PRODUCTION_SERVER);
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(SERVER_ACTION_BODY_LIMIT_BYTES);
    expect(SERVER_ACTION_BODY_LIMIT_BYTES - MAX_DOCUMENT_BYTES).toBeGreaterThanOrEqual(64_000);
  });
});
