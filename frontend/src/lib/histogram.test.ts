import { describe, expect, it } from "vitest";
import {
  histogramGeometry, isValidHistogram, linearScale, niceCeil, niceDivisions, shares, type ChartBox,
} from "./histogram";

const box: ChartBox = { width: 120, height: 70, padding: { top: 10, right: 10, bottom: 10, left: 10 } };
// Plot area: x 10..110 (100 wide), y 10..60 (50 high).

const histogram = {
  bins: [0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
  genuine: [0, 0, 0, 1, 3],
  impostor: [6, 2, 0, 0, 0],
};

describe("score histogram geometry", () => {
  it("turns counts into shares of their class", () => {
    expect(shares([1, 3])).toEqual([0.25, 0.75]);
    expect(shares([0, 0])).toEqual([0, 0]);
    expect(shares([2, -1, Number.NaN])).toEqual([1, 0, 0]);
  });

  it("rounds the y axis up to a round share", () => {
    expect(niceCeil(0.75)).toBe(1);
    expect(niceCeil(0.42)).toBe(0.5);
    expect(niceCeil(0.13)).toBe(0.2);
    expect(niceCeil(0.25)).toBe(0.25);
    expect(niceCeil(0)).toBe(1);
  });

  it("splits the y axis into round steps", () => {
    expect(niceDivisions(1)).toBe(4); // 25 % steps
    expect(niceDivisions(0.5)).toBe(5); // 10 %
    expect(niceDivisions(0.25)).toBe(5); // 5 %
    expect(niceDivisions(0.2)).toBe(4); // 5 %
    expect(niceDivisions(0.1)).toBe(4); // 2.5 %
    const g = histogramGeometry({ bins: [0, 1, 2], genuine: [1, 1], impostor: [1, 3] }, 1, box);
    expect(g.yMax).toBe(1);
    expect(g.yTicks.map((tick) => tick.value)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const half = histogramGeometry({ bins: [0, 1, 2, 3], genuine: [1, 1, 0], impostor: [1, 1, 1] }, 1, box);
    expect(half.yMax).toBe(0.5);
    expect(half.yTicks.map((tick) => tick.value)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it("maps linearly", () => {
    const x = linearScale([0, 1], [10, 110]);
    expect(x(0)).toBe(10);
    expect(x(0.25)).toBe(35);
    expect(x(1)).toBe(110);
  });

  it("checks the shape of a histogram", () => {
    expect(isValidHistogram(histogram)).toBe(true);
    expect(isValidHistogram({ bins: [0, 1], genuine: [1, 2], impostor: [1] })).toBe(false);
    expect(isValidHistogram({ bins: [1, 0], genuine: [1], impostor: [1] })).toBe(false);
    expect(isValidHistogram(null)).toBe(false);
    expect(isValidHistogram({})).toBe(false);
  });

  it("places the threshold line on the score axis", () => {
    const g = histogramGeometry(histogram, 0.75, box);
    expect(g.xDomain).toEqual([0.5, 1.0]);
    expect(g.thresholdX).toBeCloseTo(60); // halfway
    expect(histogramGeometry(histogram, 0.5, box).thresholdX).toBeCloseTo(10);
    expect(histogramGeometry(histogram, 1.0, box).thresholdX).toBeCloseTo(110);
    expect(histogramGeometry(histogram, null, box).thresholdX).toBeNull();
  });

  it("widens the axis to a threshold outside the scores", () => {
    const g = histogramGeometry(histogram, 0.3, box);
    expect(g.xDomain).toEqual([0.3, 1.0]);
    expect(g.thresholdX).toBeCloseTo(10);
    // The first bin now starts 0.2 / 0.7 of the way along.
    expect(g.impostor[0].x).toBeCloseTo(10 + (100 * 0.2) / 0.7);
  });

  it("draws each bin at its edges, with heights proportional to shares", () => {
    const g = histogramGeometry(histogram, 0.75, box);
    expect(g.yMax).toBe(1); // niceCeil(0.75): the largest share, 3 of 4 genuine and 6 of 8 impostor
    const tallest = g.genuine[4];
    expect(tallest.x).toBeCloseTo(90);
    expect(tallest.width).toBeCloseTo(20);
    expect(tallest.height).toBeCloseTo(37.5); // 0.75 of the 50-high plot
    expect(tallest.y).toBeCloseTo(22.5);
    expect(g.impostor[0].height).toBeCloseTo(37.5); // same share, same height, whatever the counts
    expect(g.genuine[3].height).toBeCloseTo(12.5);
    expect(g.genuine[3].y + g.genuine[3].height).toBeCloseTo(60); // bars stand on the axis
    expect(g.genuine[0].height).toBe(0);
    expect(g.impostor[1].share).toBe(0.25);
    expect(g.totals).toEqual({ genuine: 4, impostor: 8 });
  });

  it("spreads ticks over the whole axes", () => {
    const g = histogramGeometry(histogram, 0.75, box, 6);
    expect(g.xTicks).toHaveLength(6);
    expect(g.xTicks[0]).toEqual({ at: 10, value: 0.5 });
    expect(g.xTicks[5].at).toBeCloseTo(110);
    expect(g.yTicks[0].at).toBeCloseTo(60);
    expect(g.yTicks.at(-1)!.at).toBeCloseTo(10);
    expect(g.yTicks.at(-1)!.value).toBe(g.yMax);
  });

  it("copes with a single score value and empty classes", () => {
    const g = histogramGeometry({ bins: [0.9, 0.9], genuine: [0], impostor: [0] }, 0.9, box);
    expect(g.xDomain[1] - g.xDomain[0]).toBeGreaterThan(0);
    expect(g.thresholdX).toBeCloseTo(60);
    expect(g.yMax).toBe(1);
    expect(g.genuine[0].height).toBe(0);
  });
});
