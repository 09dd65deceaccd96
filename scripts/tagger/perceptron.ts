/**
 * The averaged perceptron (Collins 2002; Freund & Schapire 1999), with the lazy
 * averaging trick of Daumé (2006, §2.1.1): keep w and u = Σ c·Δw, and the average
 * is w − u/c. Averaging is what makes a perceptron generalise like a max-margin model.
 */
import { LABEL_COUNT } from './labels.ts';
import { WeightTable } from './weights.ts';

/** A weight table that learns from mistakes and can return its averaged weights. */
export class AveragedPerceptron extends WeightTable {
  private accumulated: Float64Array;
  /** Number of training examples seen so far (c in Daumé's notation), from 1. */
  private clock = 1;

  constructor(capacityRows = 1 << 18) {
    super(capacityRows);
    this.accumulated = new Float64Array(capacityRows * LABEL_COUNT);
  }

  /** Moves weight from the predicted label to the gold label on every feature. */
  update(features: Uint32Array, count: number, gold: number, predicted: number): void {
    if (gold !== predicted) {
      for (let f = 0; f < count; f++) {
        const base = this.ensure(features[f] as number) * LABEL_COUNT;
        this.weights[base + gold] = (this.weights[base + gold] as number) + 1;
        this.weights[base + predicted] = (this.weights[base + predicted] as number) - 1;
        this.accumulated[base + gold] = (this.accumulated[base + gold] as number) + this.clock;
        this.accumulated[base + predicted] =
          (this.accumulated[base + predicted] as number) - this.clock;
      }
    }
    this.clock++;
  }

  /** A copy of the table with averaged weights, dropping rows whose weights are all tiny. */
  averaged(minimum = 0): WeightTable {
    const averagedRow = new Float32Array(LABEL_COUNT);
    const keep: Array<[number, Float32Array]> = [];
    for (const [key, row] of this.entries()) {
      let largest = 0;
      for (let l = 0; l < LABEL_COUNT; l++) {
        const index = row * LABEL_COUNT + l;
        const value =
          (this.weights[index] as number) - (this.accumulated[index] as number) / this.clock;
        averagedRow[l] = value;
        largest = Math.max(largest, Math.abs(value));
      }
      if (largest > minimum) keep.push([key, averagedRow.slice()]);
    }
    keep.sort((a, b) => a[0] - b[0]);
    const table = new WeightTable(keep.length + 1);
    for (const [key, values] of keep) table.weights.set(values, table.ensure(key) * LABEL_COUNT);
    return table;
  }

  protected override onGrow(rows: number): void {
    super.onGrow(rows);
    const accumulated = new Float64Array(rows * LABEL_COUNT);
    accumulated.set(this.accumulated);
    this.accumulated = accumulated;
  }
}
