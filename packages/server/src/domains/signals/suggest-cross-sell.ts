export interface CrossSellModel {
  minBoth: number;
  minLift: number;
  smoothing: number;
  limit: number;
}

/** The model's settings, shared by the API and `bench:signals`. */
export const CROSS_SELL_MODEL: Readonly<CrossSellModel> = {
  /** A rule stands on at least this many other customers who bought both products. */
  minBoth: 3,
  /** Buyers of the customer's product buy the suggestion (by the smoothed score) at least this many times more often than all. */
  minLift: 1.2,
  /**
   * Pseudo-customers who buy the suggestion at its base share, added to each rule before it is
   * ranked and tested for lift: a rule on 3 of 3 customers is weaker evidence than one on 12 of 15.
   * In `bench:signals` it helps most where the population is small (a rep's book).
   */
  smoothing: 10,
  limit: 3,
};

export interface CrossSellSuggestion {
  productId: string;
  /** The customer's own product the rule starts from ("customers who buy this…"). */
  anchorProductId: string;
  /** Other customers who bought the anchor. */
  anchorBuyers: number;
  /** Of them, those who bought the suggestion too. */
  bothBuyers: number;
  /** bothBuyers / anchorBuyers: how often buyers of the anchor buy the suggestion. */
  confidence: number;
  /** Other customers who bought the suggestion / all other customers with purchases. */
  baseShare: number;
  /** confidence / baseShare. */
  lift: number;
  /** The rule's strength: confidence smoothed toward baseShare by {@link CrossSellModel.smoothing}. */
  score: number;
}

export interface SuggestCrossSellOptions {
  customerId: string;
  /** Customer id → the products it bought in the window. */
  baskets: ReadonlyMap<string, ReadonlySet<string>>;
  /** Products that may be suggested (active, not a discount); all when omitted. */
  eligible?: (productId: string) => boolean;
  model?: Readonly<CrossSellModel>;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Products that customers like this one buy and this one does not, by co-occurrence with lift
 * (association rules): for each product X the customer buys and each product Y it does not, the
 * other customers who bought X and how many of them bought Y too. A rule X → Y counts when at
 * least {@link CROSS_SELL_MODEL.minBoth} customers bought both and its score (the confidence
 * smoothed toward Y's base share) is at least {@link CROSS_SELL_MODEL.minLift} times that base
 * share; each Y keeps its strongest rule (score, then lift), and the suggestions are ranked by it.
 * The customer itself is left out of every count. Every figure of the reason is in the result.
 *
 * @example
 * // 14 of the 22 customers who buy コーヒー豆 (64%) also buy 紙コップ; 25% of all customers do: lift 2.5
 */
export function suggestCrossSell({
  customerId,
  baskets,
  eligible = () => true,
  model = CROSS_SELL_MODEL,
}: SuggestCrossSellOptions): CrossSellSuggestion[] {
  const own = baskets.get(customerId);
  if (!own || own.size === 0) return [];
  const buyers = new Map<string, number>();
  /** anchor (own product) → suggestion → customers who bought both. */
  const both = new Map<string, Map<string, number>>();
  let population = 0;
  for (const [id, basket] of baskets) {
    if (id === customerId || basket.size === 0) continue;
    population++;
    for (const product of basket) buyers.set(product, (buyers.get(product) ?? 0) + 1);
    for (const anchor of basket) {
      if (!own.has(anchor)) continue;
      let pairs = both.get(anchor);
      if (!pairs) {
        pairs = new Map();
        both.set(anchor, pairs);
      }
      for (const product of basket) if (!own.has(product)) pairs.set(product, (pairs.get(product) ?? 0) + 1);
    }
  }
  const best = new Map<string, CrossSellSuggestion>();
  for (const [anchorProductId, pairs] of both) {
    const anchorBuyers = buyers.get(anchorProductId) ?? 0;
    for (const [productId, bothBuyers] of pairs) {
      if (bothBuyers < model.minBoth || !eligible(productId)) continue;
      const confidence = bothBuyers / anchorBuyers;
      const baseShare = (buyers.get(productId) ?? 0) / population;
      const lift = confidence / baseShare;
      const score = (bothBuyers + model.smoothing * baseShare) / (anchorBuyers + model.smoothing);
      if (score < model.minLift * baseShare) continue;
      const rule = {
        productId,
        anchorProductId,
        anchorBuyers,
        bothBuyers,
        confidence,
        baseShare,
        lift,
        score,
      };
      const held = best.get(productId);
      if (!held || stronger(rule, held) < 0) best.set(productId, rule);
    }
  }
  return [...best.values()].sort(stronger).slice(0, model.limit);
}

/** Negative when `a` is the stronger rule: score, then lift, then ids (deterministic). */
function stronger(a: CrossSellSuggestion, b: CrossSellSuggestion) {
  return (
    b.score - a.score ||
    b.lift - a.lift ||
    byId(a.productId, b.productId) ||
    byId(a.anchorProductId, b.anchorProductId)
  );
}

/** The most bought products this customer has not bought: the baseline `bench:signals` compares with. */
export function popularNotBought({
  customerId,
  baskets,
  eligible = () => true,
  limit = CROSS_SELL_MODEL.limit,
}: Omit<SuggestCrossSellOptions, 'model'> & { limit?: number }): string[] {
  const own = baskets.get(customerId) ?? new Set<string>();
  const counts = new Map<string, number>();
  for (const basket of baskets.values())
    for (const product of basket) counts.set(product, (counts.get(product) ?? 0) + 1);
  return [...counts]
    .filter(([product]) => !own.has(product) && eligible(product))
    .sort((a, b) => b[1] - a[1] || byId(a[0], b[0]))
    .slice(0, limit)
    .map(([product]) => product);
}
