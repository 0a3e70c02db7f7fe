/** One formatter per language and currency (null: a code Intl does not know); building one costs more than formatting. */
const formatters = new Map<string, Intl.NumberFormat | null>();

/** An amount of money in the UI language ("1 500 000,00 zł" / "PLN 1,500,000.00"). */
export function formatAmount(amount: number, currency: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'pl-PL';
  const key = `${locale} ${currency}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2 });
    } catch {
      formatter = null;
    }
    formatters.set(key, formatter);
  }
  // A currency code Intl does not know: still show the number.
  return formatter === null ? `${amount.toFixed(2)} ${currency}` : formatter.format(amount);
}
