import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDecimal } from "../lib/format";
import { DEFAULT_BOX, histogramGeometry, isValidHistogram, type ScoreHistogram as Histogram } from "../lib/histogram";

/**
 * Genuine vs impostor comparison scores of a model version (each as a share of its pairs)
 * with the decision threshold as a vertical line. Plain SVG.
 */
export function ScoreHistogram({ histogram, threshold, title }: {
  histogram: Partial<Histogram> | null | undefined;
  threshold: number | null | undefined;
  title: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  if (!isValidHistogram(histogram)) {
    return <p className="muted">{t("faceModels.noHistogram")}</p>;
  }
  const box = DEFAULT_BOX;
  const g = histogramGeometry(histogram, threshold, box);
  const num = (value: number, digits = 3) => formatDecimal(value, i18n.language, digits);
  const pct = (value: number) => new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 })
    .format(value);
  const bottom = g.plot.top + g.plot.height;
  const right = g.plot.left + g.plot.width;
  const description = t("faceModels.chartDescription", {
    genuine: g.totals.genuine, impostor: g.totals.impostor, threshold: num(threshold ?? NaN),
  });

  return (
    <figure className="score-chart">
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {g.yTicks.map((tick) => (
          <g key={`y${tick.value}`} className="chart-grid">
            <line x1={g.plot.left} x2={right} y1={tick.at} y2={tick.at} />
            <text x={g.plot.left - 6} y={tick.at} dy="0.32em" textAnchor="end">{pct(tick.value)}</text>
          </g>
        ))}
        {g.impostor.map((bar, i) => bar.height > 0 && (
          <rect key={`i${i}`} className="bar-impostor" x={bar.x} y={bar.y} width={bar.width} height={bar.height}>
            <title>{t("faceModels.barTitle", { label: t("faceModels.impostor"), from: num(bar.from), to: num(bar.to), count: bar.count })}</title>
          </rect>
        ))}
        {g.genuine.map((bar, i) => bar.height > 0 && (
          <rect key={`g${i}`} className="bar-genuine" x={bar.x} y={bar.y} width={bar.width} height={bar.height}>
            <title>{t("faceModels.barTitle", { label: t("faceModels.genuine"), from: num(bar.from), to: num(bar.to), count: bar.count })}</title>
          </rect>
        ))}
        <line className="chart-axis" x1={g.plot.left} x2={right} y1={bottom} y2={bottom} />
        {g.xTicks.map((tick) => (
          <g key={`x${tick.value}`} className="chart-tick">
            <line x1={tick.at} x2={tick.at} y1={bottom} y2={bottom + 4} />
            <text x={tick.at} y={bottom + 16} textAnchor="middle">{num(tick.value, 2)}</text>
          </g>
        ))}
        <text className="chart-label" x={g.plot.left + g.plot.width / 2} y={box.height - 4} textAnchor="middle">
          {t("faceModels.scoreAxis")}
        </text>
        {g.thresholdX !== null && (
          <g className="chart-threshold" data-testid="threshold-line">
            <line x1={g.thresholdX} x2={g.thresholdX} y1={g.plot.top} y2={bottom} />
            <text x={g.thresholdX} y={g.plot.top} dy="-0.3em"
              textAnchor={g.thresholdX > g.plot.left + g.plot.width * 0.8 ? "end" : "start"}>
              {t("faceModels.thresholdLabel", { value: num(threshold ?? NaN) })}
            </text>
          </g>
        )}
      </svg>
      <figcaption className="chart-legend">
        <span><span className="swatch swatch-genuine" aria-hidden="true" />
          {t("faceModels.genuinePairs", { count: g.totals.genuine })}</span>
        <span><span className="swatch swatch-impostor" aria-hidden="true" />
          {t("faceModels.impostorPairs", { count: g.totals.impostor })}</span>
        <span><span className="swatch swatch-threshold" aria-hidden="true" />{t("faceModels.threshold")}</span>
      </figcaption>
    </figure>
  );
}
