// Stage 5b: the cross-article index. Holds each article's analysis and answers "what else in the workspace
// mentions this?" Linking is recomputed lazily after a change, so a burst of edits costs one relink.
import type { AnchoredLink, ArticleAnnotations } from './articleAnnotations';
import { anchor } from './selectors';
import { dayKey } from './timex';
import { type EditorLink, type LinkedEntity, type MentionRef, linkEntities } from './linking';
import type { ArticleAnalysis, Attribution, Claim, DateMention, EntityMention, Sentence, Span } from './types';

export interface IndexedArticle {
  /** Stable identifier (a URI in the server, a path in the CLI). */
  id: string;
  /** Name shown to people: a path relative to the workspace folder. */
  displayPath: string;
  text: string;
  analysis: ArticleAnalysis;
  /** Editors' annotations, anchored to `text` (already applied to `analysis`). */
  annotations?: ArticleAnnotations;
}

export interface MentionHit {
  article: IndexedArticle;
  mention: EntityMention;
  entity: LinkedEntity;
  ref: MentionRef;
}

export interface DateHit {
  article: IndexedArticle;
  date: DateMention;
  sentence: Sentence | undefined;
}

export interface QuoteHit {
  article: IndexedArticle;
  attribution: Attribution;
  /** Who said it, when the source names or refers to a known entity. */
  speaker: LinkedEntity | undefined;
}

export interface RelatedClaim {
  article: IndexedArticle;
  claim: Claim;
  score: number;
}

const contains = (span: Span, offset: number) => offset >= span.start && offset <= span.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export class WorkspaceIndex {
  private readonly articles = new Map<string, IndexedArticle>();
  private linked: {
    entities: LinkedEntity[];
    byMention: Map<string, LinkedEntity[]>;
    claimsByFeature: Map<string, ClaimFeatures[]>;
    quotesBySpeaker: Map<string, QuoteHit[]>;
    /** Editors' links, by article, whose mention or other mention is no longer a name in the index. */
    unresolvedLinks: Map<string, AnchoredLink[]>;
  } | null = null;

  set(article: IndexedArticle): void {
    this.articles.set(article.id, article);
    this.linked = null;
  }

  delete(id: string): boolean {
    this.linked = null;
    return this.articles.delete(id);
  }

  get(id: string): IndexedArticle | undefined {
    return this.articles.get(id);
  }

  has(id: string): boolean {
    return this.articles.has(id);
  }

  /** Articles in display-path order, so ids and listings are stable. */
  all(): IndexedArticle[] {
    return [...this.articles.values()].sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
  }

  get size(): number {
    return this.articles.size;
  }

  entities(): LinkedEntity[] {
    return this.link().entities;
  }

  /** The linked entity of each mention of an article, index for index. */
  entitiesOf(id: string): LinkedEntity[] {
    return this.link().byMention.get(id) ?? [];
  }

  entityAt(id: string, offset: number): MentionHit | undefined {
    const article = this.articles.get(id);
    if (!article) return undefined;
    const index = article.analysis.entities.findIndex((m) => contains(m, offset));
    if (index < 0) return undefined;
    const entity = this.entitiesOf(id)[index];
    const ref = entity.mentions.find((r) => r.articleId === id && r.index === index)!;
    return { article, mention: article.analysis.entities[index], entity, ref };
  }

  /** An article's editor links that join no two names now (a mention was removed or retyped away, an article is gone). */
  unresolvedLinks(id: string): AnchoredLink[] {
    return this.link().unresolvedLinks.get(id) ?? [];
  }

  entityById(entityId: string): LinkedEntity | undefined {
    return this.entities().find((e) => e.id === entityId);
  }

  mentionsOf(entity: LinkedEntity): MentionHit[] {
    return entity.mentions.map((ref) => {
      const article = this.articles.get(ref.articleId)!;
      return { article, mention: article.analysis.entities[ref.index], entity, ref };
    });
  }

  dateAt(id: string, offset: number): DateHit | undefined {
    const article = this.articles.get(id);
    const date = article?.analysis.dates.find((d) => contains(d, offset));
    return article && date ? { article, date, sentence: sentenceOf(article, date) } : undefined;
  }

  /** Every date mention, in any article, that names the same day as `value`. */
  sameDay(value: string): DateHit[] {
    const key = dayKey(value);
    if (!key) return [];
    return this.all().flatMap((article) =>
      article.analysis.dates.filter((d) => dayKey(d.value) === key).map((date) => ({ article, date, sentence: sentenceOf(article, date) })),
    );
  }

  sentenceAt(id: string, span: Span): Sentence | undefined {
    const article = this.articles.get(id);
    return article && sentenceOf(article, span);
  }

  /** The attribution whose content (what was said) holds the offset; the innermost when quotes nest. */
  quoteAt(id: string, offset: number): QuoteHit | undefined {
    const article = this.articles.get(id);
    if (!article) return undefined;
    const hits = article.analysis.attributions.filter((a) => contains(a.content, offset));
    const attribution = hits.sort((a, b) => a.content.end - a.content.start - (b.content.end - b.content.start))[0];
    return attribution && { article, attribution, speaker: this.speakerOf(id, attribution) };
  }

  /** Every attribution in the workspace whose source is the entity, in article order. */
  quotesBy(entityId: string): QuoteHit[] {
    return this.link().quotesBySpeaker.get(entityId) ?? [];
  }

  speakerOf(id: string, attribution: Attribution): LinkedEntity | undefined {
    const mention = attribution.sourceEntity;
    return mention === null || mention === undefined ? undefined : this.entitiesOf(id)[mention];
  }

  /**
   * Attributed claims in other articles that share entities and numbers with this claim: where a reviewer can look
   * for the source that this article leaves out.
   */
  relatedAttributedClaims(id: string, claim: Claim, limit = 3): RelatedClaim[] {
    const { claimsByFeature } = this.link();
    const own = this.claimFeatures(id, claim);
    const candidates = new Set<ClaimFeatures>();
    for (const feature of [...own.entities, ...own.numbers]) {
      const holders = claimsByFeature.get(feature) ?? [];
      // A feature shared by very many claims ("United States") says little; rarer ones find the candidates.
      if (holders.length <= MAX_CLAIMS_PER_FEATURE) for (const holder of holders) candidates.add(holder);
    }
    const related: RelatedClaim[] = [];
    for (const other of candidates) {
      if (other.article.id === id) continue;
      const sharedEntities = intersectionSize(own.entities, other.entities);
      const sharedNumbers = intersectionSize(own.numbers, other.numbers);
      const score = sharedEntities + 2 * sharedNumbers + 4 * jaccard(own.words, other.words);
      if (score >= 2) related.push({ article: other.article, claim: other.claim, score });
    }
    return related.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  private claimFeatures(articleId: string, claim: Claim): ClaimFeatures {
    const article = this.articles.get(articleId)!;
    const linked = this.link().byMention.get(articleId) ?? [];
    const entities = new Set(article.analysis.entities.flatMap((m, i) => (overlaps(m, claim) && linked[i] ? [`e:${linked[i].id}`] : [])));
    const numbers = new Set([...numbersIn(claim.text)].map((n) => `n:${n}`));
    return { article, claim, entities, numbers, words: contentWords(claim.text) };
  }

  private link() {
    if (!this.linked) {
      const articles = this.all();
      const { links, unresolvedLinks } = this.editorLinks(articles);
      const entities = linkEntities(articles.map((a) => ({ articleId: a.id, mentions: a.analysis.entities })), links);
      const byMention = new Map<string, LinkedEntity[]>(articles.map((a) => [a.id, new Array(a.analysis.entities.length)]));
      for (const entity of entities) for (const ref of entity.mentions) byMention.get(ref.articleId)![ref.index] = entity;
      const claimsByFeature = new Map<string, ClaimFeatures[]>();
      const quotesBySpeaker = new Map<string, QuoteHit[]>();
      this.linked = { entities, byMention, claimsByFeature, quotesBySpeaker, unresolvedLinks };
      for (const article of articles) {
        for (const attribution of article.analysis.attributions) {
          const speaker = this.speakerOf(article.id, attribution);
          if (!speaker) continue;
          const quotes = quotesBySpeaker.get(speaker.id);
          if (quotes) quotes.push({ article, attribution, speaker });
          else quotesBySpeaker.set(speaker.id, [{ article, attribution, speaker }]);
        }
      }
      for (const article of articles) {
        for (const claim of article.analysis.claims) {
          if (!claim.attributed) continue;
          const features = this.claimFeatures(article.id, claim);
          for (const key of [...features.entities, ...features.numbers]) {
            const holders = claimsByFeature.get(key);
            if (holders) holders.push(features);
            else claimsByFeature.set(key, [features]);
          }
        }
      }
    }
    return this.linked;
  }

  /** Editors' links as pairs of mentions: each end is the name at (or over) its anchored text. */
  private editorLinks(articles: IndexedArticle[]): { links: EditorLink[]; unresolvedLinks: Map<string, AnchoredLink[]> } {
    const links: EditorLink[] = [];
    const unresolvedLinks = new Map<string, AnchoredLink[]>();
    for (const article of articles) {
      for (const link of article.annotations?.links ?? []) {
        const other = this.articles.get(link.otherId);
        const otherSpan = other && anchor(other.text, link.annotation.other.selector);
        const from = mentionIndex(article, link.span);
        const to = other && otherSpan ? mentionIndex(other, otherSpan) : -1;
        if (from >= 0 && to >= 0) links.push({ kind: link.annotation.kind, from: { articleId: article.id, index: from }, to: { articleId: other!.id, index: to } });
        else unresolvedLinks.set(article.id, [...(unresolvedLinks.get(article.id) ?? []), link]);
      }
    }
    return { links, unresolvedLinks };
  }
}

/** The name at exactly `span`, else the first over it, or -1. */
function mentionIndex(article: IndexedArticle, span: Span): number {
  const { entities } = article.analysis;
  const exact = entities.findIndex((m) => m.start === span.start && m.end === span.end);
  return exact >= 0 ? exact : entities.findIndex((m) => overlaps(m, span));
}

/** What makes two claims about the same thing: shared entities (`e:ID`), numbers (`n:275000`) and content words. */
interface ClaimFeatures {
  article: IndexedArticle;
  claim: Claim;
  entities: Set<string>;
  numbers: Set<string>;
  words: Set<string>;
}

const MAX_CLAIMS_PER_FEATURE = 200;

function sentenceOf(article: IndexedArticle, span: Span): Sentence | undefined {
  return article.analysis.sentences.find((s) => s.start <= span.start && span.end <= s.end);
}

const STOP_WORDS = new Set(
  'the a an and or but of to in on at for with by from as is are was were be been has have had that this it its their his her they he she which who will would could said says'.split(
    ' ',
  ),
);

function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !STOP_WORDS.has(w)));
}

function numbersIn(text: string): Set<string> {
  return new Set((text.match(/\d[\d,.]*/g) ?? []).map((n) => n.replace(/[,.]$/, '').replace(/,/g, '')));
}

function intersectionSize<T>(a: Set<T>, b: Set<T>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

function jaccard<T>(a: Set<T>, b: Set<T>): number {
  const shared = intersectionSize(a, b);
  return shared === 0 ? 0 : shared / (a.size + b.size - shared);
}
