/**
 * The heart of the demo data: a discrete-event simulation of citizens moving through services
 * from 1995 (burn-in, so long §108 stays and full internal offers exist in 2018) until shortly
 * after "today" (so applications decided or pending at "today" for later grants exist).
 *
 * Events are handled in date order, which lets internal providers fill up: a citizen only gets an
 * internal place if one is free on the start day, otherwise the municipality buys externally —
 * the internal/external split follows from the places of the plan's Tabel 1.
 *
 * A municipality of ~37,000 has only ~100 citizens in the most expensive offers, so independent
 * draws would make the mix of offers — and with it the money — wobble by 10 % from seed to seed.
 * The choices that decide where the money goes (entry service, add-ons, the next step after a
 * stay, internal or bought, how long a grant lasts) are therefore drawn from even streams
 * (EvenStream: each option gets its share over any run of draws); who gets which, and when, stays
 * random.
 */
import { TARGET_GROUP_CODES, type TargetGroup } from '@sol/domain/codes.ts';
import { dayOf, endOfMonth, fractionalYear, yearOf } from '../dates.ts';
import { EvenStream, Random, weightedAt } from '../random.ts';
import { populationFactor } from './population.ts';
import { MAX_PRICE_ADJUSTMENT, type CostGroup, type QuarterCost } from './calibration.ts';
import { REFUND_THRESHOLD_PER_QUARTER_2018, costPerDay } from './costs.ts';
import { priceFactor } from './price-index.ts';
import {
  AMBULANT_TREATMENT_RATE_2018,
  DURATIONS,
  EXTERNAL_SHARE_WITHOUT_TEAM,
  FORMERLY_PLACED_UNKNOWN_SHARE,
  GROUP_PROFILES,
  HOURS,
  INTERNAL_PREFERENCE,
  REAL_RATE_GROWTH,
  STAY_SHORTENING_AT_FULL_STRATEGY,
  VOLUME_GROWTH,
  formerlyPlacedShare,
  nextAfterHousing,
  type EntryChoice,
} from './profiles.ts';
import type { Provider } from './providers.ts';
import { DEADLINE_DAYS, SERVICE_INDEX, isResidential, type AddOnKind, type HousingKind, type ServiceKind } from './services.ts';
import {
  ApplicationStore,
  CitizenStore,
  DECISION_GRANTED,
  DECISION_REFUSED,
  DECISION_WITHDRAWN,
  FORMERLY_PLACED_NO,
  FORMERLY_PLACED_UNKNOWN,
  FORMERLY_PLACED_YES,
  GrantStore,
  MinHeap,
  NO_PROVIDER,
} from './store.ts';

export const SIMULATION_START = dayOf(1995, 1, 1);
/** First day of the data years (DESIGN §10). */
export const DATA_START = dayOf(2018, 1, 1);
const YEAR_2018_END = dayOf(2018, 12, 31);
const QUARTER_STARTS_2018 = [1, 4, 7, 10].map((month) => dayOf(2018, month, 1));
const QUARTER_ENDS_2018 = [3, 6, 9, 12].map((month) => endOfMonth(2018, month));
/** Simulate this far past "today" so pending applications for later grants exist. */
const LOOKAHEAD_DAYS = 200;
/** internal offers tried for a free place before buying externally */
const MAX_INTERNAL_TRIES = 12;
/** shape of the Erlang distribution of the gaps between arrivals */
const ARRIVAL_REGULARITY = 4;

/**
 * Progress of the 2023–2026 strategy: 0 until 2023, rising linearly to 1 at the start of 2026.
 * Every strategy effect in the model is scaled by it, so the story starts after the 2022 baseline.
 */
export function strategyProgress(day: number): number {
  const progress = (fractionalYear(day) - 2023) / 3;
  return progress < 0 ? 0 : progress > 1 ? 1 : progress;
}

type SimEvent =
  | { type: 'arrival'; day: number; seq: number; group: number; time: number }
  | { type: 'reentry'; day: number; seq: number; citizen: number }
  | { type: 'housing'; day: number; seq: number; citizen: number; kind: HousingKind }
  | { type: 'staySegment'; day: number; seq: number; citizen: number; stayEnd: number; previousProvider: number; cuts: readonly number[] }
  | { type: 'addOn'; day: number; seq: number; citizen: number; kind: AddOnKind }
  | { type: 'afterHousing'; day: number; seq: number; citizen: number; kind: HousingKind };

type NewEvent = SimEvent extends infer E ? (E extends SimEvent ? Omit<E, 'seq'> : never) : never;

/**
 * Min-heap of events by (day, insertion order). The ordering key is a plain number kept in a
 * parallel array — comparing numbers instead of reading fields of differently shaped event
 * objects keeps the heap fast at national scale (millions of events).
 */
class EventQueue {
  private readonly keys: number[] = [];
  private readonly items: SimEvent[] = [];
  private sequence = 0;
  push(event: NewEvent): void {
    const seq = this.sequence++;
    const item = { ...event, seq } as SimEvent;
    const key = event.day * SEQUENCE_SPAN + (seq % SEQUENCE_SPAN);
    const { keys, items } = this;
    let i = items.length;
    keys.push(key);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = keys[parent] ?? 0;
      if (parentKey <= key) break;
      keys[i] = parentKey;
      items[i] = items[parent] ?? item;
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }
  pop(): SimEvent | undefined {
    const { keys, items } = this;
    const top = items[0];
    const lastKey = keys.pop();
    const lastItem = items.pop();
    if (items.length > 0 && lastKey !== undefined && lastItem !== undefined) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const leftKey = keys[left] ?? 0;
        const rightKey = right < items.length ? (keys[right] ?? 0) : Number.POSITIVE_INFINITY;
        const child = rightKey < leftKey ? right : left;
        const childKey = child === right ? rightKey : leftKey;
        if (childKey >= lastKey) break;
        keys[i] = childKey;
        items[i] = items[child] ?? lastItem;
        i = child;
      }
      keys[i] = lastKey;
      items[i] = lastItem;
    }
    return top;
  }
}

/** Events per day are ordered by insertion; keys stay exact doubles for days up to year 2100+. */
const SEQUENCE_SPAN = 2 ** 26;

export interface SimulationResult {
  citizens: CitizenStore;
  /** grants active on or after 2018-01-01 that started on or before today */
  grants: GrantStore;
  /** applications that belong in the files (decided in the data years, open, or behind a kept grant) */
  applications: ApplicationStore;
  /** 2018 cost of every simulated grant at base prices by who delivers it — input to the price calibration */
  grantCost2018: Record<CostGroup, number>;
  /** 2018 quarters (base prices) of the grants that may pass the refund threshold once calibrated */
  refundableQuarters2018: QuarterCost[];
}

export function simulate(seed: number, scale: number, today: number, providers: readonly Provider[]): SimulationResult {
  return new Simulation(seed, scale, today, providers).run();
}

class Simulation {
  private readonly random: Random;
  private readonly queue = new EventQueue();
  private readonly citizens = new CitizenStore();
  private readonly grants = new GrantStore();
  private readonly applications = new ApplicationStore();
  private readonly horizon: number;
  /** end days of each internal provider's current occupants */
  private readonly occupancy: MinHeap[];
  /** internal providers by `${service}:${group}` that accept the group */
  private readonly internalCandidates = new Map<string, Provider[]>();
  /** external providers by `${service}:${group}`, with cumulative weights (group match ×4) */
  private readonly externalCandidates = new Map<string, { providers: Provider[]; cumulative: number[] }>();
  /** random year-to-year variation of arrivals per group, so trends are not straight lines */
  private readonly yearNoise = new Map<string, number>();
  /** the choices that decide where the money goes are drawn evenly, one stream per kind of choice */
  private readonly evenStreams = new Map<string, EvenStream>();
  private readonly grantCost2018: Record<CostGroup, number> = { intern: 0, ekstern: 0, none: 0 };
  private readonly refundableQuarters2018: QuarterCost[] = [];

  constructor(
    seed: number,
    private readonly scale: number,
    private readonly today: number,
    private readonly providers: readonly Provider[],
  ) {
    this.random = new Random(seed, 'simulation');
    // always simulate all of 2018: the price calibration needs the whole first data year
    this.horizon = Math.max(today + LOOKAHEAD_DAYS, YEAR_2018_END);
    this.occupancy = providers.map(() => new MinHeap());
    for (const group of TARGET_GROUP_CODES) {
      for (const provider of providers) {
        const key = `${provider.service}:${group}`;
        if (provider.operation === 'intern') {
          if (!provider.accepts.includes(group)) continue;
          const list = this.internalCandidates.get(key) ?? [];
          list.push(provider);
          this.internalCandidates.set(key, list);
        } else {
          const table = this.externalCandidates.get(key) ?? { providers: [], cumulative: [] };
          const weight = provider.targetGroup === group ? 4 : 1;
          table.cumulative.push((table.cumulative[table.cumulative.length - 1] ?? 0) + weight);
          table.providers.push(provider);
          this.externalCandidates.set(key, table);
        }
      }
    }
    const noise = new Random(seed, 'arrival-noise');
    for (let year = yearOf(SIMULATION_START); year <= yearOf(this.horizon); year++) {
      for (const group of TARGET_GROUP_CODES) this.yearNoise.set(`${group}:${year}`, Math.exp(noise.normal(0, 0.03)));
    }
  }

  /** The even stream of one kind of choice, started at a random point the first time it is used. */
  private evenly(key: string): EvenStream {
    let stream = this.evenStreams.get(key);
    if (stream === undefined) {
      stream = new EvenStream(this.random.next());
      this.evenStreams.set(key, stream);
    }
    return stream;
  }

  /** Events after the horizon can never matter: they are not queued at all. */
  private schedule(event: NewEvent): void {
    if (event.day <= this.horizon) this.queue.push(event);
  }

  run(): SimulationResult {
    TARGET_GROUP_CODES.forEach((_, group) => this.scheduleNextArrival(group, SIMULATION_START));
    for (let event = this.queue.pop(); event !== undefined; event = this.queue.pop()) {
      if (event.day > this.horizon) continue;
      switch (event.type) {
        case 'arrival':
          this.handleArrival(event.group, event.day, event.time);
          break;
        case 'reentry':
          this.startEpisode(event.citizen, event.day);
          break;
        case 'housing':
          this.startHousing(event.citizen, event.kind, event.day);
          break;
        case 'staySegment':
          this.continueStay(event.citizen, event.day, event.stayEnd, event.previousProvider, event.cuts);
          break;
        case 'addOn':
          this.startAddOn(event.citizen, event.kind, event.day);
          break;
        case 'afterHousing':
          this.afterHousing(event.citizen, event.kind, event.day);
          break;
      }
    }
    return {
      citizens: this.citizens,
      grants: this.grants,
      applications: this.applications,
      grantCost2018: this.grantCost2018,
      refundableQuarters2018: this.refundableQuarters2018,
    };
  }

  // ---------------------------------------------------------------- arrivals and episodes

  private arrivalsPerDay(group: number, day: number): number {
    const code = groupCode(group);
    const year = fractionalYear(day);
    const noise = this.yearNoise.get(`${code}:${Math.floor(year)}`) ?? 1;
    const perYear = GROUP_PROFILES[code].newCitizensPerYear * this.scale * this.demandGrowth(day) * noise;
    return perYear / 365.25;
  }

  /**
   * Arrivals are a little more regular than a Poisson process (Erlang-4 gaps): with only ~100
   * heavy residential cases the yearly spending would otherwise wobble more than a real budget.
   */
  private scheduleNextArrival(group: number, fromTime: number): void {
    const meanGap = 1 / this.arrivalsPerDay(group, Math.floor(fromTime));
    let gap = 0;
    for (let i = 0; i < ARRIVAL_REGULARITY; i++) gap += this.random.exponential(meanGap / ARRIVAL_REGULARITY);
    // continuous time: at national scale several citizens arrive on the same day
    const time = fromTime + gap;
    const day = Math.floor(time);
    this.schedule({ type: 'arrival', day, group, time });
  }

  private handleArrival(group: number, day: number, time: number): void {
    this.scheduleNextArrival(group, time);
    const citizen = this.createCitizen(group, day);
    this.startEpisode(citizen, day);
    // some people apply and are refused without ever receiving support
    if (this.random.chance(0.08)) {
      const applicant = this.createCitizen(group, day);
      this.addRefusedApplication(applicant, this.typicalService(groupCode(group)), day + this.random.int(0, 30));
    }
  }

  private createCitizen(group: number, day: number): number {
    const code = groupCode(group);
    const band = this.random.weighted(GROUP_PROFILES[code].entryAges.map((b) => [b, b.weight] as const));
    const age = this.random.int(band.from, band.to);
    const formerlyPlaced = this.random.chance(FORMERLY_PLACED_UNKNOWN_SHARE)
      ? FORMERLY_PLACED_UNKNOWN
      : this.random.chance(formerlyPlacedShare(code, age))
        ? FORMERLY_PLACED_YES
        : FORMERLY_PLACED_NO;
    return this.citizens.add(yearOf(day) - age, group, formerlyPlaced);
  }

  private ageOn(citizen: number, day: number): number {
    return yearOf(day) - this.citizens.birthYear(citizen);
  }

  /** A new episode: the entry service and the add-ons alongside it. */
  private startEpisode(citizen: number, day: number): void {
    const group = groupCode(this.citizens.group(citizen));
    const profile = GROUP_PROFILES[group];
    const strategy = strategyProgress(day);
    const age = this.ageOn(citizen, day);
    const youngFormerlyPlaced = age <= 29 && this.citizens.formerlyPlaced(citizen) === FORMERLY_PLACED_YES;

    const entry = weightedAt(
      profile.entry.map(([choice, weight]) => [choice, weight * entryAdjustment(choice, age, youngFormerlyPlaced, strategy)] as const),
      this.evenly(`entry:${group}`).next(),
    );
    if (entry !== 'none') this.startHousing(citizen, entry, day);

    let addOns = 0;
    for (const [kind, probability] of profile.addOns) {
      if (kind === '103' && age >= 60) continue;
      if (this.evenly(`addOn:${group}:${kind}`).chance(probability)) {
        addOns++;
        this.schedule({ type: 'addOn', day: day + this.random.int(0, 60), citizen, kind });
      }
    }
    if (entry === 'none' && addOns === 0) this.schedule({ type: 'addOn', day, citizen, kind: profile.fallbackAddOn });
    // a share of episodes also has a refused or withdrawn application (more help, another offer)
    if (this.random.chance(0.3)) this.addRefusedApplication(citizen, this.typicalService(group), day + this.random.int(-120, 400));
  }

  private typicalService(group: TargetGroup): ServiceKind {
    const profile = GROUP_PROFILES[group];
    const options: (readonly [ServiceKind, number])[] = [];
    for (const [choice, weight] of profile.entry) if (choice !== 'none') options.push([choice, weight]);
    for (const [kind, weight] of profile.addOns) options.push([kind, weight * 0.6]);
    return this.random.weighted(options);
  }

  // ---------------------------------------------------------------- housing-type services

  private startHousing(citizen: number, kind: HousingKind, day: number): void {
    if (day > this.horizon) return;
    const group = groupCode(this.citizens.group(citizen));
    if (kind === '107') {
      this.startStay(citizen, day);
      return;
    }
    const provider = this.chooseProvider(kind, group, day);
    const end = day + this.duration(kind, day) - 1;
    this.addGrant(citizen, kind, day, end, provider);
    this.schedule({ type: 'afterHousing', day: end + 1, citizen, kind });
    if (kind === '105' || kind === '108') {
      // moving into long-term housing often comes with a day offer
      if ((group === 'UH' || group === 'AUT' || group === 'HJERNE') && this.evenly(`dayOffer:${group}`).chance(0.25)) {
        this.schedule({ type: 'addOn', day: day + this.random.int(7, 90), citizen, kind: '104' });
      }
      // and, for people with disabilities, often a companion scheme (§97) for life outside the home
      if ((group === 'UH' || group === 'HJERNE' || group === 'FYS') && this.evenly(`companion:${group}`).chance(0.3)) {
        this.schedule({ type: 'addOn', day: day + this.random.int(30, 180), citizen, kind: '97' });
      }
    }
  }

  /**
   * A §107 temporary stay. Often one grant; sometimes 2–3 consecutive grants (re-grant or change
   * of provider) that start the day after, the same day as, or a little before the previous ends.
   * K4 merges them into one stay again.
   */
  private startStay(citizen: number, day: number): void {
    const group = groupCode(this.citizens.group(citizen));
    const length = this.duration('107', day);
    const stayEnd = day + length - 1;
    const segments = length < 120 ? 1 : this.random.weighted([[1, 0.6], [2, 0.3], [3, 0.1]] as const);
    const cuts: number[] = [];
    for (let i = 1; i < segments; i++) cuts.push(day + Math.floor((length * (i + this.random.uniform(-0.25, 0.25))) / segments));
    const provider = this.chooseProvider('107', group, day);
    this.continueStayFrom(citizen, day, stayEnd, provider, cuts);
  }

  private continueStay(citizen: number, day: number, stayEnd: number, previousProvider: number, cuts: readonly number[]): void {
    const group = groupCode(this.citizens.group(citizen));
    // a re-grant usually keeps the place; sometimes the citizen changes provider
    const provider = this.random.chance(0.65) ? previousProvider : this.chooseProvider('107', group, day);
    this.continueStayFrom(citizen, day, stayEnd, provider, cuts);
  }

  private continueStayFrom(citizen: number, day: number, stayEnd: number, provider: number, cuts: readonly number[]): void {
    const [nextCut, ...laterCuts] = cuts;
    if (nextCut === undefined || nextCut <= day + 14 || nextCut >= stayEnd - 14) {
      this.addGrant(citizen, '107', day, stayEnd, provider);
      this.schedule({ type: 'afterHousing', day: stayEnd + 1, citizen, kind: '107' });
      return;
    }
    const end = nextCut - 1;
    this.addGrant(citizen, '107', day, end, provider);
    const relation = this.random.weighted([['nextDay', 0.7], ['sameDay', 0.15], ['overlap', 0.15]] as const);
    const nextStart = relation === 'nextDay' ? end + 1 : relation === 'sameDay' ? end : end - this.random.int(1, 14);
    this.schedule({ type: 'staySegment', day: nextStart, citizen, stayEnd, previousProvider: provider, cuts: laterCuts });
  }

  private afterHousing(citizen: number, kind: HousingKind, day: number): void {
    const group = groupCode(this.citizens.group(citizen));
    const options = nextAfterHousing(kind, group, strategyProgress(day), this.ageOn(citizen, day) <= 24);
    const next = weightedAt(options, this.evenly(`after:${group}:${kind}`).next());
    if (next === 'none') {
      if (this.evenly(`reentry:${group}`).chance(0.1)) {
        const gap = Math.round(this.random.logNormal(900, 0.6));
        this.schedule({ type: 'reentry', day: day + gap, citizen });
      }
      return;
    }
    // back to a shelter happens after a while; other moves follow on the next day (or within weeks)
    const delay = next === '110' && kind === '110' ? this.random.int(30, 500) : kind === '110' || kind === '109' ? this.random.int(0, 30) : 0;
    this.schedule({ type: 'housing', day: day + delay, citizen, kind: next });
  }

  // ---------------------------------------------------------------- add-ons

  private startAddOn(citizen: number, kind: AddOnKind, day: number): void {
    const group = groupCode(this.citizens.group(citizen));
    const provider = this.chooseProvider(kind, group, day);
    const end = day + this.duration(kind, day) - 1;
    this.addGrant(citizen, kind, day, end, provider);
  }

  // ---------------------------------------------------------------- providers, durations, prices

  /**
   * Internal if a fitting internal offer has a free place on the day (and the caseworker prefers
   * it), else external; services without providers (e.g. §97) get none.
   */
  private chooseProvider(kind: ServiceKind, group: TargetGroup, day: number): number {
    const key = `${kind}:${group}`;
    const internal = this.internalCandidates.get(key);
    const preference = INTERNAL_PREFERENCE[kind] ?? 0;
    if (internal && this.evenly(`internal:${kind}`).chance(preference)) {
      // look at a few offers (all of them at scale 1; at national scale a sample of the copies)
      const offset = this.random.int(0, internal.length - 1);
      const tries = Math.min(internal.length, MAX_INTERNAL_TRIES);
      for (let i = 0; i < tries; i++) {
        const provider = internal[(offset + i) % internal.length];
        if (provider && this.hasFreePlace(provider, day)) return provider.index;
      }
    }
    const external = this.externalCandidates.get(key);
    if (!external) return NO_PROVIDER;
    const withoutTeamShare = EXTERNAL_SHARE_WITHOUT_TEAM[kind];
    if (withoutTeamShare !== undefined && !this.evenly(`withoutTeam:${kind}`).chance(withoutTeamShare)) return NO_PROVIDER;
    const total = external.cumulative[external.cumulative.length - 1] ?? 0;
    const target = this.random.next() * total;
    let low = 0;
    let high = external.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((external.cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return external.providers[low]?.index ?? NO_PROVIDER;
  }

  private hasFreePlace(provider: Provider, day: number): boolean {
    const occupants = this.occupancy[provider.index];
    if (!occupants) return false;
    for (let end = occupants.peek(); end !== undefined && end < day; end = occupants.peek()) occupants.pop();
    const capacity = provider.growsWithDemand ? provider.capacity * this.demandGrowth(day) : provider.capacity;
    return occupants.size < capacity;
  }

  /** Growth of the need since 2018 (population and volume), as used for arrivals. */
  private demandGrowth(day: number): number {
    const year = fractionalYear(day);
    return populationFactor(year) * Math.pow(1 + VOLUME_GROWTH, year - 2018);
  }

  private duration(kind: ServiceKind, day: number): number {
    const spec = DURATIONS[kind];
    const median = kind === '107' ? spec.medianDays * (1 - STAY_SHORTENING_AT_FULL_STRATEGY * strategyProgress(day)) : spec.medianDays;
    return Math.max(spec.minDays, Math.round(this.evenly(`duration:${kind}`).logNormal(median, spec.sigma)));
  }

  private addGrant(citizen: number, kind: ServiceKind, start: number, end: number, provider: number): void {
    if (start > this.horizon) return;
    const providerRecord = provider === NO_PROVIDER ? undefined : this.providers[provider];
    if (providerRecord?.operation === 'intern') this.occupancy[provider]?.push(end);

    const startYear = yearOf(start);
    const priceLevel = priceFactor(2018, startYear) * Math.pow(1 + REAL_RATE_GROWTH, startYear - 2018);
    let hoursPerWeek = Number.NaN;
    let dailyRate = Number.NaN;
    if (kind === '85') {
      const median = GROUP_PROFILES[groupCode(this.citizens.group(citizen))].supportHoursMedian;
      hoursPerWeek = roundHalf(clamp(this.random.logNormal(median, 0.45), 1, 20));
    } else if (kind === '82a' || kind === '82b' || kind === '96' || kind === '97' || kind === '99') {
      const [median, sigma, min, max] = HOURS[kind];
      hoursPerWeek = roundHalf(clamp(this.random.logNormal(median, sigma), min, max));
    } else {
      const base = providerRecord?.dailyRate2018 ?? AMBULANT_TREATMENT_RATE_2018;
      dailyRate = Math.round(base * priceLevel * this.random.logNormal(1, 0.12) * 100) / 100;
    }

    if (start <= YEAR_2018_END && end >= DATA_START) {
      this.add2018Cost(providerRecord?.operation ?? 'none', costPerDay(kind, hoursPerWeek, dailyRate, startYear, 2018, 1), start, end);
    }

    const application = this.applicationDates(kind, start);
    const keepGrant = start <= this.today && end >= DATA_START;
    if (keepGrant) {
      this.grants.add({ citizen, service: SERVICE_INDEX[kind], start, end, provider, hoursPerWeek, dailyRate });
      this.citizens.markEmitted(citizen);
    }
    // the granting application; kept with its grant, or if the grant lies after today
    if (keepGrant || (start > this.today && application.received <= this.today)) {
      this.applications.add(citizen, SERVICE_INDEX[kind], application.received, application.decided, DECISION_GRANTED);
      this.citizens.markEmitted(citizen);
    }
  }

  /** 2018 cost at base prices, and the quarters that could earn a refund at the highest price level. */
  private add2018Cost(group: CostGroup, perDay: number, start: number, end: number): void {
    for (let quarter = 0; quarter < 4; quarter++) {
      const days = Math.min(end, QUARTER_ENDS_2018[quarter] ?? 0) - Math.max(start, QUARTER_STARTS_2018[quarter] ?? 0) + 1;
      if (days <= 0) continue;
      const cost = perDay * days;
      this.grantCost2018[group] += cost;
      if (cost * (1 + MAX_PRICE_ADJUSTMENT) > REFUND_THRESHOLD_PER_QUARTER_2018) this.refundableQuarters2018.push({ group, cost });
    }
  }

  // ---------------------------------------------------------------- applications

  /**
   * Dates of the application behind a grant starting on `start`: decided some days before the
   * start (waiting for a place), received the processing time before that. Most decisions are
   * within the deadline; the strategy improves the share.
   */
  private applicationDates(kind: ServiceKind, start: number): { received: number; decided: number } {
    const lag =
      kind === '109' || kind === '110'
        ? 0
        : Math.min(150, Math.round(this.random.exponential(isResidential(kind) ? 20 : kind === '101' ? 4 : kind === '85' ? 10 : 14)));
    const decided = start - lag;
    const received = decided - this.processingDays(kind, decided);
    return { received, decided };
  }

  private processingDays(kind: ServiceKind, aroundDay: number): number {
    const deadline = DEADLINE_DAYS[kind];
    const withinShare = 0.76 + 0.1 * strategyProgress(aroundDay);
    if (this.random.chance(withinShare)) return Math.floor(deadline * Math.pow(this.random.next(), 0.7) + 0.5);
    return deadline + 1 + Math.floor(deadline * this.random.logNormal(0.2, 0.9));
  }

  private addRefusedApplication(citizen: number, kind: ServiceKind, received: number): void {
    const decision = this.random.chance(0.8) ? DECISION_REFUSED : DECISION_WITHDRAWN;
    const days = this.processingDays(kind, received);
    const decided = received + (decision === DECISION_WITHDRAWN ? Math.floor(days / 2) : days);
    // only what the files cover: decided in the data years (or still open at "today")
    if (received > this.today || decided < DATA_START) return;
    this.applications.add(citizen, SERVICE_INDEX[kind], received, decided, decision);
    this.citizens.markEmitted(citizen);
  }
}

/** Strategy and life-phase adjustments of the entry weights. */
function entryAdjustment(choice: EntryChoice, age: number, youngFormerlyPlaced: boolean, strategy: number): number {
  if (choice === '105' || choice === '107' || choice === '108') {
    // "fewer young people need botilbud": the young are steered to own home with support
    return age <= 24 ? 1 - 0.75 * strategy : 1 - 0.2 * strategy;
  }
  if (choice === '85') return 1 + 0.15 * strategy;
  if (choice === '110' && youngFormerlyPlaced) return 2 * (1 - 0.5 * strategy);
  return 1;
}

function groupCode(index: number): TargetGroup {
  const code = TARGET_GROUP_CODES[index];
  if (code === undefined) throw new Error(`unknown target group ${index}`);
  return code;
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

function roundHalf(value: number): number {
  return Math.round(value * 2) / 2;
}
