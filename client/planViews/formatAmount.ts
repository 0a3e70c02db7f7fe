/** An amount of money in the UI language ("1 500 000,00 zł" / "PLN 1,500,000.00"). */
export function formatAmount(amount: number, currency: string, language: string): string {
  try {
    return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'pl-PL', { style: 'currency', currency, minimumFractionDigits: 2 }).format(amount);
  } catch {
    // A currency code Intl does not know: still show the number.
    return `${amount.toFixed(2)} ${currency}`;
  }
}
