// Offsets counted in code points (how Python, and so brat, counts characters) against UTF-16 offsets (JavaScript's).
// They differ only after characters outside the Basic Multilingual Plane, such as emoji.

export class CodePointOffsets {
  /** UTF-16 offset of each code point, and of the end; null when the text has no such characters. */
  private readonly starts: number[] | null;

  constructor(text: string) {
    if (!/[\uD800-\uDBFF]/.test(text)) {
      this.starts = null;
      return;
    }
    const starts: number[] = [];
    for (let i = 0; i < text.length; i++) {
      starts.push(i);
      if (/[\uD800-\uDBFF]/.test(text[i]) && /[\uDC00-\uDFFF]/.test(text[i + 1] ?? '')) i++;
    }
    starts.push(text.length);
    this.starts = starts;
  }

  toCodePoints(utf16: number): number {
    if (!this.starts) return utf16;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= utf16) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The UTF-16 offset of a code-point offset, or -1 past the end. */
  toUtf16(codePoints: number): number {
    if (!this.starts) return codePoints;
    return this.starts[codePoints] ?? -1;
  }
}
