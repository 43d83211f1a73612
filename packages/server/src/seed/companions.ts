import type { CatalogProduct } from './product-catalog.ts';
import type { Random } from './random.ts';

/**
 * What a customer adds to its usual products once it has their anchor, as offices do: the drum unit
 * for the MFP it buys black toner for, colour toner when it moves to a colour MFP, cups, sugar and
 * cream with its coffee, the server rental with its bottled water, disinfectant and hand soap at a
 * clinic. This is the co-purchase structure the cross-sell suggestions learn from.
 */
interface CompanionRule {
  /** The customer has one of these among its usual products (or is of this kind). */
  anchors: readonly string[] | { kind: string };
  /** Added together, at one moment. */
  adds: readonly string[];
  chance: number;
}

const rules: readonly CompanionRule[] = [
  { anchors: ['TN-BK-MFP'], adds: ['TN-DR-MFP'], chance: 0.6 },
  { anchors: ['TN-BK-MFP'], adds: ['TN-CY-MFP', 'TN-MG-MFP', 'TN-YL-MFP'], chance: 0.35 },
  {
    anchors: ['CF-OB-1K', 'CF-MC-1K', 'CF-DR-500', 'CF-IN-500'],
    adds: ['CF-SG-500', 'CF-CR-100'],
    chance: 0.6,
  },
  { anchors: ['CF-OB-1K', 'CF-MC-1K', 'CF-DR-500', 'CF-IN-500'], adds: ['SU-PC7-1000'], chance: 0.5 },
  { anchors: ['WT-NT-12', 'WT-RO-12'], adds: ['WT-SV-RENT'], chance: 0.8 },
  { anchors: ['WT-NT-12', 'WT-RO-12'], adds: ['SU-PC7-1000'], chance: 0.4 },
  { anchors: { kind: 'clinic' }, adds: ['SU-AL-5L', 'SU-HS-4L'], chance: 0.65 },
];

export interface Companion {
  product: CatalogProduct;
  /** From this moment (ms) the customer orders it too. */
  adoptedAt: number;
  /** Ordered in about one of `every` orders after that (always in the first). */
  every: number;
}

/**
 * The companions a customer adopts, each at a moment drawn over its history and a little beyond
 * (so some are still to come: the suggestions the briefing makes today). Drawn from `random`, a
 * generator of their own, so the rest of the demo stays what it was.
 */
export function drawCompanions({
  random,
  usual,
  kind,
  startMs,
  nowMs,
  byCode,
}: {
  random: Random;
  usual: readonly CatalogProduct[];
  kind: string;
  startMs: number;
  nowMs: number;
  byCode: ReadonlyMap<string, CatalogProduct>;
}): Companion[] {
  const have = new Set(usual.map((p) => p.code));
  const out: Companion[] = [];
  for (const rule of rules) {
    const anchored = Array.isArray(rule.anchors)
      ? rule.anchors.some((code) => have.has(code))
      : (rule.anchors as { kind: string }).kind === kind;
    // Drawn for every rule, anchored or not, so one rule's outcome does not shift the next's.
    const adopts = random.chance(rule.chance);
    const at = startMs + random.next() * (nowMs - startMs) * 1.35;
    const every = random.pick([1, 2, 2, 3, 4]);
    if (!anchored || !adopts) continue;
    for (const code of rule.adds) {
      if (have.has(code)) continue;
      have.add(code);
      out.push({ product: byCode.get(code)!, adoptedAt: at, every });
    }
  }
  return out;
}
