/**
 * Numbers read out in English ("1,234" -> "one thousand two hundred thirty four"). Words are
 * joined with spaces, not hyphens, so each is looked up in the CMU dictionary on its own.
 */
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: ReadonlyArray<readonly [bigint, string]> = [
  [10n ** 12n, 'trillion'],
  [10n ** 9n, 'billion'],
  [10n ** 6n, 'million'],
  [1000n, 'thousand'],
];

function underThousand(n: number): string[] {
  const words: string[] = [];
  if (n >= 100) {
    words.push(ONES[Math.floor(n / 100)]!, 'hundred');
    n %= 100;
  }
  if (n >= 20) {
    words.push(TENS[Math.floor(n / 10)]!);
    n %= 10;
    if (n > 0) words.push(ONES[n]!);
  } else if (n > 0) words.push(ONES[n]!);
  return words;
}

/** A non-negative integer written in digits; numbers past the trillions are read digit by digit. */
export function englishCardinal(digits: string): string {
  const clean = digits.replace(/^0+(?=\d)/, '');
  if (clean.length > 15) return englishDigits(clean);
  let n = BigInt(clean);
  if (n === 0n) return 'zero';
  const words: string[] = [];
  for (const [scale, name] of SCALES) {
    if (n >= scale) {
      words.push(...underThousand(Number(n / scale)), name);
      n %= scale;
    }
  }
  words.push(...underThousand(Number(n)));
  return words.join(' ');
}

export function englishDigits(digits: string): string {
  return Array.from(digits, (d) => ONES[Number(d)]!).join(' ');
}

/** "3.14" -> "three point one four". */
export function englishNumber(value: string): string {
  const [integer = '', fraction] = value.split('.');
  const head = englishCardinal(integer === '' ? '0' : integer);
  return fraction ? `${head} point ${englishDigits(fraction)}` : head;
}

const ORDINAL_ENDINGS: Record<string, string> = { one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth' };

/** "21" -> "twenty first". */
export function englishOrdinal(digits: string): string {
  const words = englishCardinal(digits).split(' ');
  const last = words.pop()!;
  const ordinal = ORDINAL_ENDINGS[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return [...words, ordinal].join(' ');
}

/** Years read in pairs: 2024 -> "twenty twenty four", 2005 -> "two thousand five", 1900 -> "nineteen hundred". */
export function englishYear(year: string): string {
  const n = Number(year);
  if (year.length !== 4 || n % 1000 < 10) return englishCardinal(year);
  const high = englishCardinal(year.slice(0, 2));
  const low = Number(year.slice(2));
  if (low === 0) return `${high} hundred`;
  return `${high} ${low < 10 ? `oh ${ONES[low]}` : englishCardinal(String(low))}`;
}
