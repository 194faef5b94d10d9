/** One line of the benchmark table: a figure beside its same-run baseline. */
export interface BenchRow {
  section: string;
  measure: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  /** Which way is better, to phrase the ratio. */
  better: "higher" | "lower";
  target?: { text: string; met: boolean };
  note?: string;
}

function format(value: number, unit: string): string {
  // Sizes keep a decimal: 149.5 KB must not read as 150 beside a "≤ 150 KB" target.
  const digits = unit === "KB" ? 1 : Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: 0 })}${unit ? ` ${unit}` : ""}`;
}

/** The ratio to the baseline, as a multiple where bigger reads "more of a good thing" for the figure's direction. */
export function ratio(row: BenchRow): string {
  if (!row.baseline || row.baseline.value === 0 || row.value === 0) return "—";
  const r = row.value / row.baseline.value;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}

/** A Markdown table, readable in a terminal and pasteable into docs/benchmarks.md. */
export function renderTable(rows: readonly BenchRow[]): string {
  const header = "| Section | Measure | Value | Baseline (same run) | Ratio | Target |\n| --- | --- | --- | --- | --- | --- |";
  const lines = rows.map((row) => {
    const baseline = row.baseline ? `${format(row.baseline.value, row.unit)} (${row.baseline.label})` : "—";
    const target = row.target ? `${row.target.met ? "✅" : "❌"} ${row.target.text}` : "—";
    const note = row.note ? ` — ${row.note}` : "";
    return `| ${row.section} | ${row.measure}${note} | ${format(row.value, row.unit)} | ${baseline} | ${ratio(row)} | ${target} |`;
  });
  return [header, ...lines].join("\n");
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
