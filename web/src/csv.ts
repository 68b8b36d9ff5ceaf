// Tables as CSV files (RFC 4180): a header row, then one line per row,
// CRLF between lines; a field holding a comma, a double quote, CR or LF is
// quoted, its quotes doubled. The file starts with a UTF-8 byte-order mark
// so spreadsheet programs read names with accents right. A text field that
// begins with =, +, -, @, tab or CR is prefixed with ' so a spreadsheet
// shows it instead of running it as a formula (numbers are written as
// numbers, a minus sign included).

export type Cell = string | number | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

/** One CSV field. */
export function csvField(v: Cell): string {
  if (v == null) {
    return "";
  }
  let s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : String(v);
  if (typeof v === "string" && formulaStart.test(s)) {
    s = "'" + s;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text of a table (no byte-order mark). */
export function csvText(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** A file name made of words: lower case, letters, digits and dashes. */
export function fileName(...words: string[]): string {
  const base = words
    .join("-")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${base || "table"}.csv`;
}

/** Downloads a table as a CSV file named name (a real file download). */
export function downloadCSV(name: string, header: string[], rows: Cell[][]): void {
  const blob = new Blob(["\ufeff", csvText(header, rows)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own copy by now; revoke after the click is handled.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
