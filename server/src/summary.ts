// A readable plain-text summary of an export, one block per article (what `npm start` prints).
import { needsSource } from './claims';
import type { ExportDocument } from './exportJson';
import { lines } from './text';

const TYPE_LABELS = { PERSON: 'People', ORGANIZATION: 'Organizations', LOCATION: 'Places', MISC: 'Other names' } as const;

export function formatSummary(doc: ExportDocument, texts: ReadonlyMap<string, string>): string {
  const out: string[] = [];
  const canonical = new Map(doc.entities.map((e) => [e.entityId, e]));
  for (const article of doc.articles) {
    const text = texts.get(article.path) ?? '';
    const lineStarts = lines(text).map((l) => l.start);
    const lineOf = (offset: number) => {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    };
    out.push(`== ${article.path}`, `   headline: ${article.title ?? '(none)'}`, `   reference date: ${article.referenceDate ?? 'unknown'}`);
    for (const [type, label] of Object.entries(TYPE_LABELS)) {
      const names = new Map<string, number>();
      for (const e of article.entities.filter((m) => m.type === type)) {
        const name = canonical.get(e.entityId)?.canonical ?? e.text;
        names.set(name, (names.get(name) ?? 0) + 1);
      }
      if (names.size) out.push(`   ${label}: ${[...names].map(([n, c]) => (c > 1 ? `${n} (${c})` : n)).join(', ')}`);
    }
    if (article.dates.length) out.push(`   Dates: ${article.dates.map((d) => `"${d.text}" = ${d.value}`).join(', ')}`);
    const flagged = article.claims.filter(needsSource);
    out.push(`   Unattributed claims: ${flagged.length} of ${article.claims.length} claims`);
    // Most worth checking first, each with why: "line 7 (number, 0.99): ...".
    const ranked = [...flagged].sort((a, b) => b.checkWorthiness - a.checkWorthiness);
    for (const claim of ranked) out.push(`     line ${lineOf(claim.start)} (${claim.reasons.join(', ')}, ${claim.checkWorthiness.toFixed(2)}): ${abbreviate(claim.text, 100)}`);
    out.push('');
  }
  return out.join('\n');
}

function abbreviate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
