/**
 * Decoding of Rust literal tokens: integers (any radix, `_`, suffixes), floats, strings with
 * escapes, raw strings, chars. Returns undefined for malformed literals so the caller can report.
 */

const intSuffix = /(?:[ui](?:8|16|32|64|128|size))$/;

/** Whether `image` is 1 to 15 decimal digits: exact as a double, so it needs no regex or string BigInt. */
function isShortDecimal(image: string): boolean {
  if (image.length > 15) return false;
  for (let i = 0; i < image.length; i++) {
    const c = image.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return image.length > 0;
}

export function decodeInt(image: string): { value: bigint; suffix?: string } | undefined {
  // Most literals (`0`, `8`, `255`) have no radix, separator or suffix.
  if (isShortDecimal(image)) return { value: BigInt(Number(image)) };
  const suffixMatch = intSuffix.exec(image);
  // `0x1f32`-style hex digits never look like a suffix because suffixes start with u/i.
  const suffix = suffixMatch ? suffixMatch[0] : undefined;
  const digits = (suffix ? image.slice(0, -suffix.length) : image).replace(/_/g, '');
  try {
    const value = BigInt(digits);
    return suffix ? { value, suffix } : { value };
  } catch {
    return undefined;
  }
}

export function decodeFloat(image: string): { text: string; suffix?: 'f32' | 'f64' } | undefined {
  let text = image.replace(/_/g, '');
  let suffix: 'f32' | 'f64' | undefined;
  if (text.endsWith('f32') || text.endsWith('f64')) {
    suffix = text.slice(-3) as 'f32' | 'f64';
    text = text.slice(0, -3);
  }
  if (text.endsWith('.')) text = text.slice(0, -1);
  if (!/^\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return undefined;
  return suffix ? { text, suffix } : { text };
}

/** Decodes escapes of a (non-raw) string or char body. */
function unescape(body: string): string | undefined {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case '\\': out += '\\'; break;
      case '0': out += '\0'; break;
      case "'": out += "'"; break;
      case '"': out += '"'; break;
      case 'x': {
        const hex = body.slice(i + 1, i + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
        out += String.fromCharCode(parseInt(hex, 16));
        i += 2;
        break;
      }
      case 'u': {
        const m = /^\{([0-9a-fA-F_]{1,8})\}/.exec(body.slice(i + 1));
        if (!m || m[1] === undefined) return undefined;
        const cp = parseInt(m[1].replace(/_/g, ''), 16);
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
        out += String.fromCodePoint(cp);
        i += m[0].length;
        break;
      }
      case '\n': {
        // Line continuation: skip the newline and the next line's leading whitespace.
        while (i + 1 < body.length && /\s/.test(body[i + 1] ?? '')) i++;
        break;
      }
      case '\r':
        break;
      default:
        return undefined;
    }
  }
  return out;
}

export function decodeString(image: string): { value: string; byte: boolean } | undefined {
  const byte = image.startsWith('b');
  const start = image.indexOf('"');
  const value = unescape(image.slice(start + 1, -1));
  return value === undefined ? undefined : { value, byte };
}

export function decodeRawString(image: string): { value: string; byte: boolean } | undefined {
  const byte = image.startsWith('b');
  const quote = image.indexOf('"');
  const hashes = quote - image.indexOf('r') - 1;
  if (!image.endsWith('"' + '#'.repeat(hashes))) return undefined;
  return { value: image.slice(quote + 1, image.length - 1 - hashes), byte };
}

export function decodeChar(image: string): { value: number; byte: boolean } | undefined {
  const byte = image.startsWith('b');
  const body = image.slice(byte ? 2 : 1, -1);
  const text = unescape(body);
  if (text === undefined) return undefined;
  const cp = text.codePointAt(0);
  if (cp === undefined || String.fromCodePoint(cp).length !== text.length) return undefined;
  return { value: cp, byte };
}

/** Text of one doc comment token or `#[doc = "…"]` value, without its markers, one leading space dropped. */
export function docLines(image: string): string[] {
  if (image.startsWith('///') || image.startsWith('//!')) return [dropOneSpace(image.slice(3).replace(/\r$/, ''))];
  // Block doc: strip `/**` or `/*!` and `*/`, then a decoration column of `*` shared by all lines.
  const inner = image.slice(3, image.endsWith('*/') ? -2 : undefined);
  let lines = inner.split(/\r?\n/);
  if (lines.length > 1 && lines[0]?.trim() === '') lines = lines.slice(1);
  if (lines.length > 1 && lines[lines.length - 1]?.trim() === '') lines = lines.slice(0, -1);
  // Like rustdoc: a `*` column on every continuation line is decoration (the first line, written
  // after `/**`, may lack it).
  const rest = lines.slice(1);
  const decorated = rest.length > 0 ? rest.every((l) => /^\s*\*/.test(l) || l.trim() === '') : /^\s*\*/.test(lines[0] ?? '');
  if (decorated) lines = lines.map((l, i) => (i === 0 && !/^\s*\*/.test(l) ? l.replace(/^ /, '') : l.replace(/^\s*\* ?/, '')));
  else {
    const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^\s*/.exec(l)?.[0].length ?? 0));
    lines = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0));
  }
  return lines.map((l) => l.trimEnd());
}

export const dropOneSpace = (s: string): string => (s.startsWith(' ') ? s.slice(1) : s);
