/**
 * The fixed value lists of orders (受注), shared with clients via contracts.ts. Imports nothing.
 */

/** Order statuses: 受注 → 手配済 → 納品済 → 請求済, or キャンセル (with a reason). */
export const orderStatuses = ['ordered', 'arranged', 'delivered', 'invoiced', 'cancelled'] as const;
export const orderStatusLabels: Readonly<Record<(typeof orderStatuses)[number], { ja: string; en: string }>> =
  {
    ordered: { ja: '受注', en: 'Ordered' },
    arranged: { ja: '手配済', en: 'Arranged' },
    delivered: { ja: '納品済', en: 'Delivered' },
    invoiced: { ja: '請求済', en: 'Invoiced' },
    cancelled: { ja: 'キャンセル', en: 'Cancelled' },
  };
