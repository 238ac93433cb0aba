import type { ReactNode } from "react";

/**
 * A table of records (the workspace's members, webhook endpoints and deliveries; a compact scorecard's commitments,
 * CommitmentTable): a header row of column names, then the rows given as children (`<tr>`s, each with its record's
 * name in a `<th scope="row">`). Scrolls sideways on narrow screens rather than squeezing its columns.
 */
export function RecordTable({ columns, children }: { columns: readonly string[]; children: ReactNode }) {
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-rule bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-rule bg-stone-50">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        {/* The rows' rules and cells' padding, once for every row (a compact scorecard has a hundred). */}
        <tbody className="[&>tr]:border-b [&>tr]:border-rule [&>tr]:align-top [&>tr:last-child]:border-b-0 [&>tr>*]:px-3 [&>tr>*]:py-2">
          {children}
        </tbody>
      </table>
    </div>
  );
}
