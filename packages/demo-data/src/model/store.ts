/**
 * Compact column stores for citizens, grants and applications. At national scale (×100) the
 * model holds a few million of each; typed arrays keep that to tens of megabytes instead of
 * millions of objects.
 */

type NumericArray = Int32Array | Float64Array | Uint8Array;
type NumericArrayConstructor<T extends NumericArray> = new (length: number) => T;

class Column<T extends NumericArray> {
  data: T;
  constructor(private readonly make: NumericArrayConstructor<T>) {
    this.data = new make(1024);
  }
  ensure(length: number): void {
    if (length <= this.data.length) return;
    let size = this.data.length;
    while (size < length) size *= 2;
    const bigger = new this.make(size);
    bigger.set(this.data);
    this.data = bigger;
  }
}

abstract class ColumnStore {
  length = 0;
  private readonly columns: Column<NumericArray>[] = [];
  protected column<T extends NumericArray>(make: NumericArrayConstructor<T>): Column<T> {
    const column = new Column(make);
    this.columns.push(column);
    return column;
  }
  protected grow(): number {
    const index = this.length++;
    for (const column of this.columns) column.ensure(this.length);
    return index;
  }
}

export const FORMERLY_PLACED_NO = 0;
export const FORMERLY_PLACED_YES = 1;
export const FORMERLY_PLACED_UNKNOWN = 2;

export class CitizenStore extends ColumnStore {
  private readonly birthYearColumn = this.column(Int32Array);
  private readonly groupColumn = this.column(Uint8Array);
  private readonly formerlyPlacedColumn = this.column(Uint8Array);
  /** 1 when the citizen has a grant or application in the files */
  private readonly emittedColumn = this.column(Uint8Array);

  add(birthYear: number, group: number, formerlyPlaced: number): number {
    const index = this.grow();
    this.birthYearColumn.data[index] = birthYear;
    this.groupColumn.data[index] = group;
    this.formerlyPlacedColumn.data[index] = formerlyPlaced;
    return index;
  }
  birthYear(index: number): number {
    return this.birthYearColumn.data[index] ?? 0;
  }
  group(index: number): number {
    return this.groupColumn.data[index] ?? 0;
  }
  formerlyPlaced(index: number): number {
    return this.formerlyPlacedColumn.data[index] ?? FORMERLY_PLACED_UNKNOWN;
  }
  markEmitted(index: number): void {
    this.emittedColumn.data[index] = 1;
  }
  isEmitted(index: number): boolean {
    return this.emittedColumn.data[index] === 1;
  }
}

export const NO_PROVIDER = -1;

export interface GrantInput {
  citizen: number;
  service: number;
  start: number;
  /** last active day (inclusive); may lie after "today" — the file then shows an empty slut */
  end: number;
  provider: number;
  /** NaN when not paid by hours */
  hoursPerWeek: number;
  /** NaN when not paid by a daily rate */
  dailyRate: number;
}

export class GrantStore extends ColumnStore {
  private readonly citizenColumn = this.column(Int32Array);
  private readonly serviceColumn = this.column(Uint8Array);
  private readonly startColumn = this.column(Int32Array);
  private readonly endColumn = this.column(Int32Array);
  private readonly providerColumn = this.column(Int32Array);
  private readonly hoursColumn = this.column(Float64Array);
  private readonly rateColumn = this.column(Float64Array);

  add(grant: GrantInput): number {
    const index = this.grow();
    this.citizenColumn.data[index] = grant.citizen;
    this.serviceColumn.data[index] = grant.service;
    this.startColumn.data[index] = grant.start;
    this.endColumn.data[index] = grant.end;
    this.providerColumn.data[index] = grant.provider;
    this.hoursColumn.data[index] = grant.hoursPerWeek;
    this.rateColumn.data[index] = grant.dailyRate;
    return index;
  }
  citizen(index: number): number {
    return this.citizenColumn.data[index] ?? 0;
  }
  service(index: number): number {
    return this.serviceColumn.data[index] ?? 0;
  }
  start(index: number): number {
    return this.startColumn.data[index] ?? 0;
  }
  end(index: number): number {
    return this.endColumn.data[index] ?? 0;
  }
  provider(index: number): number {
    return this.providerColumn.data[index] ?? NO_PROVIDER;
  }
  hoursPerWeek(index: number): number {
    return this.hoursColumn.data[index] ?? Number.NaN;
  }
  dailyRate(index: number): number {
    return this.rateColumn.data[index] ?? Number.NaN;
  }
  /** Multiplies every daily rate by the grant's factor (price-level calibration), rounded to øre. */
  scaleDailyRates(factorOf: (index: number) => number): void {
    const rates = this.rateColumn.data;
    for (let index = 0; index < this.length; index++) {
      const rate = rates[index] ?? Number.NaN;
      if (!Number.isNaN(rate)) rates[index] = Math.round(rate * factorOf(index) * 100) / 100;
    }
  }
}

export const DECISION_GRANTED = 0;
export const DECISION_REFUSED = 1;
export const DECISION_WITHDRAWN = 2;
export const DECISION_CODES = ['bevilget', 'afslag', 'henlagt'] as const;

export class ApplicationStore extends ColumnStore {
  private readonly citizenColumn = this.column(Int32Array);
  private readonly serviceColumn = this.column(Uint8Array);
  private readonly receivedColumn = this.column(Int32Array);
  private readonly decidedColumn = this.column(Int32Array);
  private readonly decisionColumn = this.column(Uint8Array);

  add(citizen: number, service: number, received: number, decided: number, decision: number): number {
    const index = this.grow();
    this.citizenColumn.data[index] = citizen;
    this.serviceColumn.data[index] = service;
    this.receivedColumn.data[index] = received;
    this.decidedColumn.data[index] = decided;
    this.decisionColumn.data[index] = decision;
    return index;
  }
  citizen(index: number): number {
    return this.citizenColumn.data[index] ?? 0;
  }
  service(index: number): number {
    return this.serviceColumn.data[index] ?? 0;
  }
  received(index: number): number {
    return this.receivedColumn.data[index] ?? 0;
  }
  /** the day it is (or will be) decided; may lie after "today" — then the file shows it open */
  decided(index: number): number {
    return this.decidedColumn.data[index] ?? 0;
  }
  decision(index: number): number {
    return this.decisionColumn.data[index] ?? 0;
  }
}

/** Binary min-heap of numbers (end days of a provider's current occupants). */
export class MinHeap {
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): number | undefined {
    return this.items[0];
  }
  push(value: number): void {
    const items = this.items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentValue = items[parent] ?? 0;
      if (parentValue <= value) break;
      items[i] = parentValue;
      i = parent;
    }
    items[i] = value;
  }
  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && (items[right] ?? 0) < (items[left] ?? 0) ? right : left;
        const childValue = items[child] ?? 0;
        if (childValue >= last) break;
        items[i] = childValue;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}
