/**
 * Chinese text normalisation for the GPT-SoVITS front end: what upstream's chinese2.text_normalize
 * does (PaddleSpeech's zh_normalization, then punctuation mapping), written for our needs:
 * Traditional characters become Simplified (upstream converts too, and pinyin-pro only
 * disambiguates polyphones such as 行/還/長 in Simplified words), numbers, dates, times,
 * percentages and amounts of money are read out, punctuation is mapped to `, . ! ? - …` and
 * everything else that is not a Han character is dropped. Currency is our addition (upstream
 * turns "$" into a full stop): a customer-service voice has to read "NT$1,200".
 */
import * as OpenCC from 'opencc-js/t2cn';
import { chineseCardinal, chineseDigits, chineseNumber } from './chinese-numbers.js';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Full-width ASCII (！ is mapped as punctuation later, so only letters, digits, signs, space). */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Currency marks -> the words read before and after the amount. Longest prefixes first. */
const CURRENCY_PREFIXES: ReadonlyArray<readonly [string, readonly [string, string]]> = [
  ['NT$', ['新台币', '元']],
  ['NTD', ['新台币', '元']],
  ['US$', ['', '美元']],
  ['USD', ['', '美元']],
  ['HK$', ['港币', '元']],
  ['RMB', ['人民币', '元']],
  ['$', ['', '元']],
  ['¥', ['', '元']],
  ['￥', ['', '元']],
  ['€', ['', '欧元']],
  ['£', ['', '英镑']],
];
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The amount, then whether 元/块 already follows it ("NT$500元" must not say 元 twice). */
const CURRENCY = new RegExp(`(${CURRENCY_PREFIXES.map(([p]) => escapeRegExp(p)).join('|')})\\s?(\\d+(?:\\.\\d+)?)([元块]?)`, 'g');
const wordsOf = new Map(CURRENCY_PREFIXES);

function readMoney(mark: string, amount: string, unitAfter: string): string {
  const [before, after] = wordsOf.get(mark)!;
  return `${before}${chineseNumber(amount)}${unitAfter !== '' && after === '元' ? unitAfter : after}`;
}

/** "NT$1,200" and "1,200元": thousands separators are dropped between digits first. */
const THOUSANDS = /(\d),(?=\d{3}(?!\d))/g;

const DATE_YMD = /(\d{4})([-/.])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?!\d)/g;
const DATE_CN = /(\d{4}|\d{2})年(?:(0?[1-9]|1[0-2])月)?(?:(0?[1-9]|[12]\d|3[01])([日号]))?/g;
const MONTH_DAY = /(?<!\d)(0?[1-9]|1[0-2])月(0?[1-9]|[12]\d|3[01])([日号])/g;
const TIME = /(?<!\d)([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?!\d)/g;
const PERCENT = /(-?)(\d+(?:\.\d+)?)%/g;
const FRACTION = /(-?)(\d+)\/(\d+)/g;
const PHONE = /(?<!\d)(?:\+?\d{1,4}[- ])?\d{2,4}-\d{3,4}(?:-\d{3,4})?(?!\d)/g;
const NEGATIVE = /-(\d+(?:\.\d+)?)/g;
/** Measure words after which "2" is read 两 and a long number is a quantity, not a code. */
const QUANTIFIERS =
  '小时|公里|公斤|公分|千克|毫米|厘米|平方米|个|位|张|件|份|本|次|台|元|块|角|毛|分|秒|天|日|周|年|月|岁|人|名|家|条|种|项|层|号|楼|间|米|克|斤|吨|杯|瓶|包|盒|箱|辆|台|支|双|对|点';
const QUANTITY = new RegExp(`(\\d+)([多余几])?(${QUANTIFIERS})`, 'g');
const CODE_NUMBER = /\d{3,}/g;
const NUMBER = /(\d+(?:\.\d+)?|\.\d+)/g;

/** A time component with its leading zero read: "05" -> 零五. */
function timePart(value: string): string {
  const read = chineseNumber(value.replace(/^0+/, '') || '0');
  return value.startsWith('0') && value !== '00' ? `零${read}` : read;
}

function readTime(_: string, hour: string, minute: string, second?: string): string {
  let out = `${chineseNumber(hour)}点`;
  if (Number(minute) === 30) out += '半';
  else if (Number(minute) > 0) out += `${timePart(minute)}分`;
  if (second && Number(second) > 0) out += `${timePart(second)}秒`;
  return out;
}

function readDate(year: string, month?: string, day?: string, dayMark = '日'): string {
  return `${chineseDigits(year)}年${month ? `${chineseCardinal(month)}月` : ''}${day ? `${chineseCardinal(day)}${dayMark}` : ''}`;
}

/** Numbers, dates, times, money, percentages -> Chinese words. Order matters: most specific first. */
export function verbalizeChineseNumbers(text: string): string {
  return text
    .replace(THOUSANDS, '$1')
    .replace(CURRENCY, (_, mark: string, amount: string, unitAfter: string) => readMoney(mark, amount, unitAfter))
    .replace(DATE_YMD, (_, y: string, _sep: string, m: string, d: string) => readDate(y, m, d))
    .replace(DATE_CN, (_, y: string, m?: string, d?: string, mark?: string) => readDate(y, m, d, mark))
    .replace(MONTH_DAY, (_, m: string, d: string, mark: string) => `${chineseCardinal(m)}月${chineseCardinal(d)}${mark}`)
    .replace(TIME, readTime)
    .replace(PERCENT, (_, sign: string, n: string) => `${sign ? '负' : ''}百分之${chineseNumber(n)}`)
    .replace(FRACTION, (_, sign: string, a: string, b: string) => `${sign ? '负' : ''}${chineseNumber(b)}分之${chineseNumber(a)}`)
    .replace(PHONE, (phone) => chineseDigits(phone.replace(/\D/g, ''), true))
    .replace(NEGATIVE, (_, n: string) => `负${chineseNumber(n)}`)
    .replace(QUANTITY, (_, n: string, approx: string | undefined, unit: string) => {
      const read = chineseNumber(n);
      return `${read === '二' ? '两' : read}${approx ?? ''}${unit}`;
    })
    .replace(CODE_NUMBER, (digits) => chineseDigits(digits, true))
    .replace(NUMBER, (n: string) => chineseNumber(n));
}

/** Symbols upstream reads as words once numbers are done (its _post_replace). */
const SYMBOL_WORDS: Record<string, string> = {
  '/': '每', '+': '加', '×': '乘', '÷': '除', '=': '等', α: '阿尔法', β: '贝塔', γ: '伽玛', π: '派', μ: '缪',
  '①': '一', '②': '二', '③': '三', '④': '四', '⑤': '五', '⑥': '六', '⑦': '七', '⑧': '八', '⑨': '九', '⑩': '十',
};

/** Punctuation -> the six marks the symbol table has (upstream's rep_map). Order: "..." before ".". */
const PUNCTUATION_MAP: ReadonlyArray<readonly [string, string]> = [
  ['...', '…'], ['：', ','], ['；', ','], ['，', ','], ['。', '.'], ['！', '!'], ['？', '?'], ['\n', '.'], ['·', ','],
  ['、', ','], ['$', '.'], ['/', ','], ['—', '-'], ['~', '…'], ['～', '…'], [':', ','], [';', ','],
];
const PUNCTUATION_RE = new RegExp(PUNCTUATION_MAP.map(([from]) => escapeRegExp(from)).join('|'), 'g');
const punctuationOf = new Map(PUNCTUATION_MAP);

export const ZH_PUNCTUATION = new Set(['!', '?', '…', ',', '.', '-']);

/** Maps punctuation, keeps Han characters and the six marks, drops the rest, collapses runs of marks. */
export function mapChinesePunctuation(text: string): string {
  const mapped = text.replaceAll('嗯', '恩').replaceAll('呣', '母').replace(PUNCTUATION_RE, (p) => punctuationOf.get(p)!);
  const kept = Array.from(mapped).filter((c) => /[\u4e00-\u9fa5]/.test(c) || ZH_PUNCTUATION.has(c)).join('');
  // Upstream keeps the first of a run of marks ("？！" -> "?").
  return kept.replace(/([!?…,.-])[!?…,.-]+/g, '$1');
}

/** The whole normalisation of a Chinese segment; the result holds Han characters and `, . ! ? - …` only. */
export function normalizeChinese(text: string): string {
  let out = toHalfWidth(toSimplified(text)).replace(/[《》【】<>{}()（）#&@“”^_|\\]/g, '');
  out = verbalizeChineseNumbers(out.replace(/(?<=\d) (?=\d)/g, ''));
  out = out.replace(/[/+×÷=α-ωΑ-Ω①-⑩]/g, (c) => SYMBOL_WORDS[c] ?? c).replace(/[-—](?=\d)/g, '');
  return mapChinesePunctuation(out.replace(/\s+/g, ''));
}
