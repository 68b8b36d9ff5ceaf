// A table of rows with a caption, optional sorting by column, and a CSV
// download of exactly the rows it shows, in the order shown.
import type { ComponentChildren } from "preact";
import type { Cell } from "../csv";
import { downloadCSV } from "../csv";

export interface Column<R> {
  key: string;
  label: string;
  /** The cell's value: in the CSV file, and what the column sorts by. */
  value: (row: R) => Cell;
  /** The cell on screen (the value when absent). */
  render?: (row: R) => ComponentChildren;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** This column names the row (a row header). */
  rowHeader?: boolean;
  /** Left out of the CSV (buttons and the like). */
  screenOnly?: boolean;
  /** Only in the CSV (ids: useful in a file, noise on screen). */
  csvOnly?: boolean;
}

export type SortDir = "asc" | "desc";

export interface DataTableProps<R> {
  /** data-table's value, for tests and CSS. */
  name: string;
  caption: ComponentChildren;
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  /** The CSV file's name. */
  csvName: string;
  /** What to say when there are no rows. */
  empty: string;
  sort?: { key: string; dir: SortDir } | null;
  /** Given, the headers of sortable columns are buttons. */
  onSort?: (key: string) => void;
  sortable?: (key: string) => boolean;
  note?: ComponentChildren;
}

/** rows sorted by a column's value (numbers as numbers, text by locale;
 * empty values last either way), ties kept in their order. */
export function sortRows<R>(rows: R[], column: Column<R> | undefined, dir: SortDir): R[] {
  if (!column) {
    return rows;
  }
  const sign = dir === "asc" ? 1 : -1;
  return rows
    .map((r, i) => ({ r, i, v: column.value(r) }))
    .sort((a, b) => {
      const ae = a.v == null || a.v === "";
      const be = b.v == null || b.v === "";
      if (ae || be) {
        return ae === be ? a.i - b.i : ae ? 1 : -1;
      }
      const c =
        typeof a.v === "number" && typeof b.v === "number"
          ? a.v - b.v
          : String(a.v).localeCompare(String(b.v), "en", { sensitivity: "base", numeric: true });
      return c !== 0 ? sign * c : a.i - b.i;
    })
    .map((x) => x.r);
}

/** A button that downloads rows as a CSV file, a column per (non-screen-only) column. */
export function CsvButton<R>({ name, what, columns, rows, csvName }: { name: string; what: string; columns: Column<R>[]; rows: R[]; csvName: string }) {
  const csvColumns = columns.filter((c) => !c.screenOnly);
  const download = () =>
    downloadCSV(
      csvName,
      csvColumns.map((c) => c.label),
      rows.map((r) => csvColumns.map((c) => c.value(r))),
    );
  return (
    <button type="button" class="csv" data-csv={name} onClick={download} disabled={rows.length === 0}>
      Download CSV<span class="visually-hidden"> of {what}</span> ({rows.length} {rows.length === 1 ? "row" : "rows"})
    </button>
  );
}

export function DataTable<R>(p: DataTableProps<R>) {
  const shownColumns = p.columns.filter((c) => !c.csvOnly);
  return (
    <div class="data-table" data-table={p.name}>
      <div class="table-tools">
        {p.note && <p class="note table-note">{p.note}</p>}
        <CsvButton name={p.name} what={typeof p.caption === "string" ? p.caption : p.name} columns={p.columns} rows={p.rows} csvName={p.csvName} />
      </div>
      <div class="table-scroll">
        <table>
          <caption>{p.caption}</caption>
          <thead>
            <tr>
              {shownColumns.map((c) => {
                const sortedHere = p.sort?.key === c.key;
                const canSort = p.onSort && !c.screenOnly && (p.sortable ? p.sortable(c.key) : true);
                return (
                  <th
                    key={c.key}
                    scope="col"
                    class={c.numeric ? "num" : undefined}
                    aria-sort={canSort ? (sortedHere ? (p.sort!.dir === "asc" ? "ascending" : "descending") : "none") : undefined}
                  >
                    {canSort ? (
                      <button type="button" class="sort" data-sort={c.key} onClick={() => p.onSort!(c.key)}>
                        {c.label}
                        <span class="sort-mark" aria-hidden="true">
                          {sortedHere ? (p.sort!.dir === "asc" ? " ▲" : " ▼") : ""}
                        </span>
                      </button>
                    ) : (
                      c.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {p.rows.length === 0 ? (
              <tr class="empty-row">
                <td colSpan={shownColumns.length}>{p.empty}</td>
              </tr>
            ) : (
              p.rows.map((r) => (
                <tr key={p.rowKey(r)} data-id={p.rowKey(r)}>
                  {shownColumns.map((c) => {
                    const content = c.render ? c.render(r) : c.value(r);
                    return c.rowHeader ? (
                      <th key={c.key} scope="row" data-col={c.key}>
                        {content}
                      </th>
                    ) : (
                      <td key={c.key} data-col={c.key} class={c.numeric ? "num" : undefined}>
                        {content}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
