/**
 * English text normalisation for the GPT-SoVITS front end (upstream: english.text_normalize and
 * en_normalization/expend.py): Chinese punctuation mapped to ASCII, then money, percentages,
 * times, dates, ordinals, decimals and integers read out as words, runs of marks collapsed.
 */
import { englishCardinal, englishNumber, englishOrdinal, englishYear } from './english-numbers.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Unit words per currency mark: [one, many, one cent, many cents]. */
const CURRENCIES: Record<string, readonly [string, string, string, string]> = {
  $: ['dollar', 'dollars', 'cent', 'cents'],
  US$: ['dollar', 'dollars', 'cent', 'cents'],
  NT$: ['new taiwan dollar', 'new taiwan dollars', 'cent', 'cents'],
  HK$: ['hong kong dollar', 'hong kong dollars', 'cent', 'cents'],
  '£': ['pound', 'pounds', 'penny', 'pence'],
  '€': ['euro', 'euros', 'cent', 'cents'],
  '¥': ['yuan', 'yuan', 'fen', 'fen'],
  '￥': ['yuan', 'yuan', 'fen', 'fen'],
};

function readMoney(mark: string, amount: string): string {
  const [one, many, cent, cents] = CURRENCIES[mark]!;
  const [whole = '0', fraction = ''] = amount.split('.');
  const units = Number(whole);
  const hundredths = fraction === '' ? 0 : Number(fraction.slice(0, 2).padEnd(2, '0'));
  const parts: string[] = [];
  if (units > 0 || hundredths === 0) parts.push(`${englishCardinal(whole)} ${units === 1 ? one : many}`);
  if (hundredths > 0) parts.push(`${englishCardinal(String(hundredths))} ${hundredths === 1 ? cent : cents}`);
  return parts.join(' and ');
}

function readTime(hourText: string, minuteText: string): string {
  const hours = Number(hourText);
  const minutes = Number(minuteText);
  const period = hours < 12 ? 'a m' : 'p m';
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const minuteWords = minutes === 0 ? "o'clock" : minutes < 10 ? `oh ${englishCardinal(String(minutes))}` : englishCardinal(String(minutes));
  return `${englishCardinal(String(hour12))} ${minuteWords} ${period}`;
}

const PUNCTUATION: Record<string, string> = { '：': ',', '；': ',', '，': ',', ';': ',', ':': ',', '。': '.', '！': '!', '？': '?', '、': ',', '—': '-', '～': '…', '~': '…' };

export function normalizeEnglish(text: string): string {
  let out = text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  // Curly apostrophes and quotes as upstream maps them: don’t is one word.
  out = out.replace(/[’‘`]/g, "'").replace(/[“”"]/g, '');
  out = out.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  out = out.replace(/(NT\$|US\$|HK\$|\$|£|€|¥|￥)\s?(\d+(?:\.\d+)?)/g, (_, mark: string, amount: string) => readMoney(mark, amount));
  out = out.replace(/(\d+(?:\.\d+)?)%/g, (_, n: string) => `${englishNumber(n)} percent`);
  out = out.replace(/\b(\d{4})-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])\b/g, (_, y: string, m: string, d: string) => `${MONTHS[Number(m) - 1]} ${englishOrdinal(d)}, ${englishYear(y)}`);
  out = out.replace(/\b([01]?\d|2[0-3]):([0-5]\d)\b/g, (_, h: string, m: string) => readTime(h, m));
  out = out.replace(/\b(\d+)(st|nd|rd|th)\b/gi, (_, n: string) => englishOrdinal(n));
  out = out.replace(/\b(in|since|year|from|until|by) (1[5-9]\d\d|20\d\d)\b/gi, (_, w: string, y: string) => `${w} ${englishYear(y)}`);
  out = out.replace(/(\d+)\/(\d+)/g, (_, a: string, b: string) => `${englishCardinal(a)} over ${englishCardinal(b)}`);
  out = out.replace(/\d+(?:\.\d+)?/g, (n) => englishNumber(n));
  out = out.replace(/\.\.\./g, '…').replace(/[：；，;:。！？、—～~]/g, (c) => PUNCTUATION[c]!);
  // Upstream keeps the first of a run of marks (and drops marks right after a space).
  return out.replace(/([!?…,.\-\s])[!?…,.-]+/g, '$1').replace(/\s+/g, ' ').trim();
}
