/** A ratio for people: `0.0001 (1 in 10,000)`, or just the number when it is not one in a whole number. */
export function formatRatio(ratio: number): string {
  if (ratio > 0 && ratio < 1) {
    const oneIn = 1 / ratio;
    if (Math.abs(oneIn - Math.round(oneIn)) < 1e-9) {
      return `${ratio} (1 in ${Math.round(oneIn).toLocaleString('en-US')})`;
    }
  }
  return String(ratio);
}
