/**
 * Numbers read out in Chinese, following the conventions of the normaliser GPT-SoVITS uses
 * (PaddleSpeech's zh_normalization): cardinals with 十/百/千/万/亿 and 零 for skipped places,
 * a leading 一十 shortened to 十, decimals as 点 + digits, years digit by digit, and a bare
 * run of three or more digits (a code, a phone number) digit by digit with 1 read as 幺.
 */
const DIGITS = '零一二三四五六七八九';

/** Place units by number of trailing digits they stand for. */
const UNITS: ReadonlyArray<readonly [number, string]> = [
  [8, '亿'],
  [4, '万'],
  [3, '千'],
  [2, '百'],
  [1, '十'],
];

function digitChar(d: string): string {
  return DIGITS[Number(d)]!;
}

/** Reads a digit string as a cardinal; leading zeros inside a part become one 零. */
function places(value: string): string[] {
  const stripped = value.replace(/^0+/, '');
  if (stripped === '') return [];
  if (stripped.length === 1) {
    return stripped.length < value.length ? [DIGITS[0]!, digitChar(stripped)] : [digitChar(stripped)];
  }
  const [power, unit] = UNITS.find(([p]) => p < stripped.length)!;
  const head = value.slice(0, value.length - power);
  const tail = value.slice(value.length - power);
  return [...places(head), unit, ...places(tail)];
}

/** "1234" -> 一千二百三十四, "10" -> 十, "0" -> 零, "1005" -> 一千零五. */
export function chineseCardinal(integer: string): string {
  const stripped = integer.replace(/^0+/, '');
  if (stripped === '') return DIGITS[0]!;
  const parts = places(stripped);
  if (parts.length >= 2 && parts[0] === '一' && parts[1] === '十') parts.shift();
  return parts.join('');
}

/** "2024" -> 二零二四; with `altOne`, 1 is read 幺 (phone numbers, codes). */
export function chineseDigits(digits: string, altOne = false): string {
  const read = Array.from(digits, digitChar).join('');
  return altOne ? read.replaceAll('一', '幺') : read;
}

/**
 * "3.14" -> 三点一四. A run of trailing zeros is kept as one zero, as upstream's num2str does
 * ("3.500" -> 三点五零, "3.0" -> 三点零); ".5" -> 零点五.
 */
export function chineseNumber(value: string): string {
  const [integer = '', fraction = ''] = value.split('.');
  let result = integer === '' ? '' : chineseCardinal(integer);
  const decimals = fraction.endsWith('0') ? `${fraction.replace(/0+$/, '')}0` : fraction;
  if (decimals !== '') result = `${result === '' ? DIGITS[0] : result}点${chineseDigits(decimals)}`;
  return result;
}
