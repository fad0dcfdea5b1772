/**
 * Geometry of the score histogram chart (genuine vs impostor comparison scores, with the
 * decision threshold). Pure functions: the SVG component only draws what comes out.
 *
 * Each class is drawn as its share of that class's pairs, so that a few genuine pairs stay
 * visible next to many impostor pairs.
 */

export interface ScoreHistogram {
  /** Bin edges, ascending: one more than the counts. */
  bins: number[];
  genuine: number[];
  impostor: number[];
}

export interface ChartBox {
  width: number;
  height: number;
  padding: { top: number; right: number; bottom: number; left: number };
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  from: number;
  to: number;
  count: number;
  share: number;
}

export interface Tick {
  /** Position on its axis, in chart units. */
  at: number;
  value: number;
}

export interface HistogramGeometry {
  plot: { left: number; top: number; width: number; height: number };
  xDomain: [number, number];
  yMax: number;
  genuine: Bar[];
  impostor: Bar[];
  /** Where the threshold line goes, or null when there is no threshold. */
  thresholdX: number | null;
  xTicks: Tick[];
  yTicks: Tick[];
  totals: { genuine: number; impostor: number };
}

export const DEFAULT_BOX: ChartBox = {
  width: 640, height: 280, padding: { top: 24, right: 16, bottom: 40, left: 48 },
};

/** Each count as a fraction of the total (all zero when there is nothing). */
export function shares(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, n) => sum + (Number.isFinite(n) && n > 0 ? n : 0), 0);
  return counts.map((n) => (total > 0 && Number.isFinite(n) && n > 0 ? n / total : 0));
}

/** The smallest of 0.05, 0.1, 0.2, 0.25, 0.5, 1 (times a power of ten) at or above `value`. */
export function niceCeil(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * magnitude;
    if (candidate >= value - 1e-12) return Number(candidate.toPrecision(12));
  }
  return 10 * magnitude;
}

/** How many equal steps split a `niceCeil` value into round numbers (1 → 4 × 0.25, 0.5 → 5 × 0.1). */
export function niceDivisions(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 4;
  const lead = Number((max / 10 ** Math.floor(Math.log10(max))).toPrecision(6));
  return lead === 2.5 || lead === 5 ? 5 : 4;
}

/** A linear map from `domain` to `range`. */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]) {
  const span = d1 - d0 || 1;
  return (value: number) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** True when `h` is drawable: ascending edges and counts that fit them. */
export function isValidHistogram(h: Partial<ScoreHistogram> | null | undefined): h is ScoreHistogram {
  if (!h || !Array.isArray(h.bins) || !Array.isArray(h.genuine) || !Array.isArray(h.impostor)) {
    return false;
  }
  const { bins, genuine, impostor } = h;
  if (bins.length < 2 || genuine.length !== bins.length - 1 || impostor.length !== bins.length - 1) {
    return false;
  }
  return bins.every((edge, i) => Number.isFinite(edge) && (i === 0 || edge >= bins[i - 1]));
}

/**
 * The chart's bars, axes and threshold line. The x domain covers the bins and the
 * threshold (which may fall outside the scores seen); the y axis ends at a round share.
 */
export function histogramGeometry(h: ScoreHistogram, threshold: number | null | undefined,
  box: ChartBox = DEFAULT_BOX, tickCount = 5): HistogramGeometry {
  const { width, height, padding } = box;
  const plot = {
    left: padding.left,
    top: padding.top,
    width: Math.max(1, width - padding.left - padding.right),
    height: Math.max(1, height - padding.top - padding.bottom),
  };
  const hasThreshold = threshold !== null && threshold !== undefined && Number.isFinite(threshold);
  let lo = h.bins[0];
  let hi = h.bins[h.bins.length - 1];
  if (hasThreshold) {
    lo = Math.min(lo, threshold);
    hi = Math.max(hi, threshold);
  }
  if (hi - lo < 1e-9) {
    lo -= 0.01;
    hi += 0.01;
  }
  const x = linearScale([lo, hi], [plot.left, plot.left + plot.width]);

  const genuineShares = shares(h.genuine);
  const impostorShares = shares(h.impostor);
  const yMax = niceCeil(Math.max(...genuineShares, ...impostorShares, 0));
  const y = linearScale([0, yMax], [plot.top + plot.height, plot.top]);

  const bars = (counts: number[], fractions: number[]): Bar[] => counts.map((count, i) => {
    const x0 = x(h.bins[i]);
    const x1 = x(h.bins[i + 1]);
    const top = y(fractions[i]);
    return {
      x: x0, width: Math.max(0, x1 - x0), y: top, height: plot.top + plot.height - top,
      from: h.bins[i], to: h.bins[i + 1], count, share: fractions[i],
    };
  });

  const ticks = Math.max(2, tickCount);
  const xTicks: Tick[] = Array.from({ length: ticks }, (_, i) => {
    const value = lo + ((hi - lo) * i) / (ticks - 1);
    return { at: x(value), value };
  });
  const divisions = niceDivisions(yMax);
  const yTicks: Tick[] = Array.from({ length: divisions + 1 }, (_, i) => {
    const value = Number(((yMax * i) / divisions).toPrecision(12));
    return { at: y(value), value };
  });
  const sum = (counts: number[]) => counts.reduce((a, n) => a + (n > 0 ? n : 0), 0);

  return {
    plot,
    xDomain: [lo, hi],
    yMax,
    genuine: bars(h.genuine, genuineShares),
    impostor: bars(h.impostor, impostorShares),
    thresholdX: hasThreshold ? x(threshold) : null,
    xTicks,
    yTicks,
    totals: { genuine: sum(h.genuine), impostor: sum(h.impostor) },
  };
}
