/** One or more series of values per key. */
export interface BarRow {
  key: string;
  values: number[];
}

/**
 * Grouped vertical bars (one bar per series in each group), labelled for screen readers,
 * each bar titled with its value; a legend names the series when there are several.
 */
export function BarChart({ label, rows, series = [], tick = (key) => key, format = String }: {
  label: string;
  rows: BarRow[];
  series?: string[];
  tick?: (key: string) => string;
  format?: (value: number) => string;
}) {
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const width = Math.max(240, rows.length * 18 * Math.max(1, series.length));
  const group = width / Math.max(1, rows.length);
  const bars = Math.max(1, ...rows.map((r) => r.values.length));
  return (
    <figure className="chart">
      <figcaption>{label}</figcaption>
      <svg viewBox={`0 0 ${width} 120`} role="img" aria-label={label} preserveAspectRatio="none">
        {rows.map((row, i) => (
          <g key={row.key}>
            {row.values.map((value, s) => {
              const h = (value / max) * 100;
              const w = (group - 4) / bars;
              return (
                <rect key={s} className={`series-${s}`} x={i * group + 2 + s * w} y={105 - h} width={w} height={h}>
                  <title>{`${tick(row.key)}${series[s] ? ` · ${series[s]}` : ""}: ${format(value)}`}</title>
                </rect>
              );
            })}
            {rows.length <= 31 && <text x={i * group + 2} y={118} fontSize="7">{tick(row.key)}</text>}
          </g>
        ))}
      </svg>
      {series.length > 1 && (
        <div className="chart-legend">
          {series.map((name, s) => <span key={name}><span className={`swatch series-${s}`} />{name}</span>)}
        </div>
      )}
    </figure>
  );
}
