const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A unit price in yen with its decimals when it has any (1.5円/枚 counter charges):
 * `formatUnitPrice(1.5)` → `¥1.5`, `formatUnitPrice(12800)` → `¥12,800`.
 */
export const formatUnitPrice = (amount: number, language = 'ja'): string => {
  const locale = language === 'en' ? 'en-US' : 'ja-JP';
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'JPY',
      minimumFractionDigits: 0,
      maximumFractionDigits: 2,
    });
    formatters.set(locale, formatter);
  }
  return formatter.format(amount).replace('￥', '¥');
};
