/**
 * CSV as RFC 4180 says (csv-stringify): a header line, CRLF between records, fields quoted when they hold a comma, a
 * quote or a line break, quotes doubled. No byte-order mark: the charset is in the Content-Type, and a BOM would end
 * up in the first column's name for most CSV readers. Values are written as they are (no formula escaping): this is a
 * data file, and a changed value would no longer match the API.
 */
import { stringify } from "csv-stringify/sync";

export function toCsv<K extends string>(
  columns: readonly K[],
  rows: ReadonlyArray<Readonly<Record<K, string>>>,
): string {
  return stringify(rows as Array<Record<K, string>>, {
    columns: [...columns],
    header: true,
    record_delimiter: "\r\n",
    // Quote a field holding any line break, not only CRLF: a reason per line must stay one field.
    quote_record_delimiter: true,
    eof: true,
  });
}
