/**
 * Shortest decimal text that reads back as exactly the same float at its precision, so emitted
 * constants (`1.17549435e-38`) are both exact and readable. Infinities and NaN get fixed words.
 */
export function floatText(value: number, type: 'f32' | 'f64'): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (Object.is(value, -0)) return '-0.0';
  let text = String(value);
  if (type === 'f32') {
    for (let digits = 1; digits <= 9; digits++) {
      const candidate = value.toPrecision(digits);
      if (Math.fround(Number(candidate)) === value) {
        text = String(Number(candidate));
        break;
      }
    }
  }
  return text.replace('e+', 'e');
}
