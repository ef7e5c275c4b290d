// Stage 5b: the cross-article index. Holds each article's analysis and answers "what else in the workspace
// mentions this?" Linking is recomputed lazily after a change, so a burst of edits costs one relink; answers that
// must come at once (diagnostics while typing) may use the previous link until then (see `linkPending`).
import type { AnchoredLink, ArticleAnnotations } from './articleAnnotations';
import { Lru } from './lru';
import { anchor } from './selectors';
import { SpanSet } from './spanSet';
import { overlaps } from './text';
import { dayKey } from './timex';
import { type EditorLink, type LinkedEntity, type MentionRef, finish, linkingSteps, nameKey } from './linking';
import type { ArticleAnalysis, Attribution, Claim, DateMention, EntityMention, EntityType, Sentence, Span } from './types';

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

/** An article's mentions of one day (see WorkspaceIndex.sameDay). */
interface DatesOfArticle {
  article: IndexedArticle;
  dates: DateMention[];
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

interface Linked {
  entities: LinkedEntity[];
  byMention: Map<string, LinkedEntity[]>;
  claimsByFeature: Map<string, ClaimFeatures[]>;
  quotesBySpeaker: Map<string, QuoteHit[]>;
  /** The articles as linked (a changed article's previous analysis is what `byMention` indexes). */
  articles: IndexedArticle[];
  /** `articles` by id: the entities' mentions are those of these analyses, whatever changed since. */
  byId: Map<string, IndexedArticle>;
  /** Entities by the folded name of their canonical name and aliases: built with the link, not on a keystroke. */
  byName: Map<string, LinkedEntity[]>;
  /** What `provisionalEntities` found for an analysis, so the claims of one article match its names once. */
  provisional: WeakMap<ArticleAnalysis, (LinkedEntity | undefined)[]>;
  /**
   * `relatedAttributedClaimsNow`'s answers, by the claim's article, words and entities and by how many articles' claims
   * are left out: a keystroke leaves most claims as they were, and their answers need not be worked out again.
   */
  related: Lru<string, RelatedClaim[]>;
  /** By article, how `provisionalEntities` matches its names. */
  nameMatches: Map<string, NameMatches>;
}

interface NameMatches {
  /** The article's linked names in its previous version, by `type:nameKey`. */
  before: Map<string, LinkedEntity>;
  /**
   * The match of a name, by type, then text: a keystroke leaves most names as they were (keyed by text alone, a name
   * is looked up without a key string made for it at every keystroke).
   */
  matched: Map<EntityType, Lru<string, LinkedEntity | null>>;
}

/** Articles whose attributed claims, and entities whose names, are indexed between two pauses of a link in slices. */
const ARTICLES_PER_STEP = 50;
const ENTITIES_PER_STEP = 500;
/** An article's names matched to a link between two pauses (see prepareEditsInSteps). */
const NAMES_PER_STEP = 500;
/** Answers remembered per link: the claims of the articles open in an editor, many times over. */
const REMEMBERED_ANSWERS = 4096;

export class WorkspaceIndex {
  private readonly articles = new Map<string, IndexedArticle>();
  private linked: Linked | null = null;
  /** Changes of articles so far. */
  private changes = 0;
  /** By article changed since the last link, the count of `changes` at its last change: what a link of an earlier state leaves pending. */
  private readonly changedAt = new Map<string, number>();
  /** The count of `changes` that `linked` is the link of. */
  private linkedAt = -1;
  /** The link being worked out in slices, if any (relinkInSlices), and the count of `changes` it is the link of. */
  private slicing: { steps: Generator<void, Linked>; at: number } | null = null;
  /**
   * While true (the workspace is being indexed), cross-article answers about an article unchanged since the last link
   * come from that link, articles indexed since then left out, instead of linking everything indexed so far first.
   */
  answerFromLastLink = false;
  /** Whether an answer came from the last link while articles had changed since it: a newer link would answer better. */
  staleLinkUsed = false;
  /** Articles set or deleted since `linked` was computed: the link is out of date for them. */
  private readonly changedSinceLink = new Set<string>();
  /**
   * By the day they name (`dayKey`), the articles' date mentions, as of each article's last `indexDates`: a hover on a
   * date must not read every date of every article, and a keystroke changes the dates of one article only.
   */
  private readonly datesByDay = new Map<string, DatesOfArticle[]>();
  /** By article, the days it is under in `datesByDay`. */
  private readonly daysOf = new Map<string, string[]>();
  /** Articles set or deleted since `indexDates` last read them. */
  private readonly datesPending = new Set<string>();

  set(article: IndexedArticle): void {
    this.articles.set(article.id, article);
    this.changed(article.id);
  }

  delete(id: string): boolean {
    this.changed(id);
    return this.articles.delete(id);
  }

  private changed(id: string): void {
    this.changes++;
    this.changedAt.set(id, this.changes);
    this.datesPending.add(id);
    if (this.linked) this.changedSinceLink.add(id);
  }

  /** No link yet, or articles changed since the last one: answers that do not relink (`relatedAttributedClaimsNow`) are provisional. */
  get linkPending(): boolean {
    return !this.linked || this.changedSinceLink.size > 0;
  }

  /**
   * Whether this article's related claims are provisional: it changed since the last link (`relatedAttributedClaimsNow`
   * matches its names provisionally), or there is no link yet while indexing.
   */
  provisionalFor(id: string): boolean {
    return this.changedSinceLink.has(id) || (!this.linked && this.answerFromLastLink);
  }

  get(id: string): IndexedArticle | undefined {
    return this.articles.get(id);
  }

  has(id: string): boolean {
    return this.articles.has(id);
  }

  /** Articles in display-path order, so ids and listings are stable. */
  all(): IndexedArticle[] {
    return [...this.articles.values()].sort(byDisplayPath);
  }

  get size(): number {
    return this.articles.size;
  }

  entities(): LinkedEntity[] {
    return this.link().entities;
  }

  /** The linked entity of each mention of an article, index for index. */
  entitiesOf(id: string): LinkedEntity[] {
    return this.link(id).byMention.get(id) ?? [];
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
    const article = this.articles.get(id);
    return article ? this.editorLinks([article]).unresolvedLinks.get(id) ?? [] : [];
  }

  entityById(entityId: string): LinkedEntity | undefined {
    return this.entities().find((e) => e.id === entityId);
  }

  mentionsOf(entity: LinkedEntity): MentionHit[] {
    const { byId } = this.link();
    return entity.mentions.map((ref) => {
      const article = byId.get(ref.articleId)!;
      return { article, mention: article.analysis.entities[ref.index], entity, ref };
    });
  }

  dateAt(id: string, offset: number): DateHit | undefined {
    const article = this.articles.get(id);
    const date = article?.analysis.dates.find((d) => contains(d, offset));
    return article && date ? { article, date, sentence: sentenceOf(article, date) } : undefined;
  }

  /** Every date mention, in any article, that names the same day as `value`: by article in display-path order. */
  sameDay(value: string): DateHit[] {
    const key = dayKey(value);
    if (!key) return [];
    for (const id of this.datesPending) this.indexDates(id);
    const holders = [...(this.datesByDay.get(key) ?? [])].sort((a, b) => byDisplayPath(a.article, b.article));
    return holders.flatMap(({ article, dates }) => dates.map((date) => ({ article, date, sentence: sentenceOf(article, date) })));
  }

  /** Files the article's dates as it is now in `datesByDay`, in place of those of its version before (none if deleted). */
  private indexDates(id: string): void {
    this.datesPending.delete(id);
    for (const day of this.daysOf.get(id) ?? []) {
      const holders = this.datesByDay.get(day)!.filter((h) => h.article.id !== id);
      if (holders.length) this.datesByDay.set(day, holders);
      else this.datesByDay.delete(day);
    }
    this.daysOf.delete(id);
    const article = this.articles.get(id);
    if (!article) return;
    const byDay = new Map<string, DateMention[]>();
    for (const date of article.analysis.dates) {
      const day = dayKey(date.value);
      if (!day) continue;
      const dates = byDay.get(day);
      if (dates) dates.push(date);
      else byDay.set(day, [date]);
    }
    for (const [day, dates] of byDay) {
      const holders = this.datesByDay.get(day);
      if (holders) holders.push({ article, dates });
      else this.datesByDay.set(day, [{ article, dates }]);
    }
    if (byDay.size) this.daysOf.set(id, [...byDay.keys()]);
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
    const linked = this.link(id);
    return this.relatedClaims(linked, this.claimFeatures(id, claim, linked.byMention.get(id) ?? []), limit);
  }

  /**
   * The same answer without relinking the workspace, for diagnostics while an editor types: the last link is used,
   * an article changed since then has its names matched to that link's entities by type and folded name, and the
   * old claims of changed articles are left out. Exact when no article changed since the last link.
   */
  relatedAttributedClaimsNow(id: string, claim: Claim, limit = 3): RelatedClaim[] {
    // With no link yet, one under way (after indexing) is finished: what it leaves out is answered provisionally.
    if (!this.linked && this.slicing && !this.answerFromLastLink) this.finishSlicing();
    const { linked, changedSinceLink: changed } = this;
    if (!linked && this.answerFromLastLink) return [];
    if (!linked) return this.relatedAttributedClaims(id, claim, limit);
    const article = this.articles.get(id);
    if (!article) return [];
    const entities = changed.has(id) ? this.provisionalEntities(linked, article) : linked.byMention.get(id) ?? [];
    const own = entityFeatures(article, claim, entities);
    // The claims left out are those of this article and the changed ones: a set that only grows until the next link.
    const leftOut = changed.size + (changed.has(id) ? 0 : 1);
    const key = `${id}\n${limit}\n${leftOut}\n${[...own].join(' ')}\n${claim.text}`;
    return linked.related.remember(key, () =>
      this.relatedClaims(linked, withWords(article, claim, own), limit, (other) => !changed.has(other.article.id)),
    );
  }

  /**
   * Matches the article's names to the last link's entities ahead of its next edit, which then matches only the names
   * it changed (`relatedAttributedClaimsNow` answers about an edited article from such matches until the next link).
   */
  prepareEdits(id: string): void {
    const article = this.articles.get(id);
    if (this.linked && article) this.provisionalEntities(this.linked, article);
  }

  /**
   * `prepareEdits` in steps, a pause every few hundred names, for an article changed since the last link: the names
   * of an article of 400,000 characters took the server's thread 40 ms in one piece.
   */
  *prepareEditsInSteps(id: string): Generator<void> {
    const article = this.articles.get(id);
    if (this.linked && article && this.changedSinceLink.has(id)) yield* this.provisionalSteps(this.linked, article);
  }

  /** A changed article's names matched to the last link's entities: as linked in its previous version, else by name. */
  private provisionalEntities(linked: Linked, article: IndexedArticle): (LinkedEntity | undefined)[] {
    return finish(this.provisionalSteps(linked, article));
  }

  /** `provisionalEntities` in steps. */
  private *provisionalSteps(linked: Linked, article: IndexedArticle): Generator<void, (LinkedEntity | undefined)[]> {
    const known = linked.provisional.get(article.analysis);
    if (known) return known;
    const { byName } = linked;
    let names = linked.nameMatches.get(article.id);
    if (!names) {
      const before = new Map<string, LinkedEntity>();
      const previous = linked.byId.get(article.id);
      for (const [i, m] of (previous?.analysis.entities ?? []).entries()) {
        if (i % NAMES_PER_STEP === 0) yield;
        const key = `${m.type}:${nameKey(m.text)}`;
        if (!before.has(key)) before.set(key, linked.byMention.get(article.id)![i]);
      }
      names = { before, matched: new Map() };
      linked.nameMatches.set(article.id, names);
    }
    const { before, matched } = names;
    // The link types a name by its mentions across the workspace: the tagger's type here may not be the entity's.
    const match = (m: EntityMention): LinkedEntity | null => {
      const named = byName.get(nameKey(m.text));
      return before.get(`${m.type}:${nameKey(m.text)}`) ?? named?.find((e) => e.type === m.type) ?? named?.[0] ?? null;
    };
    const entities: (LinkedEntity | undefined)[] = [];
    const mentions = article.analysis.entities;
    for (let i = 0; i < mentions.length; i++) {
      if (i % NAMES_PER_STEP === 0) yield;
      const m = mentions[i];
      let ofType = matched.get(m.type);
      if (!ofType) matched.set(m.type, (ofType = new Lru(REMEMBERED_ANSWERS)));
      entities.push(ofType.remember(m.text, () => match(m)) ?? undefined);
    }
    linked.provisional.set(article.analysis, entities);
    return entities;
  }

  private relatedClaims(linked: Linked, own: ClaimFeatures, limit: number, current: (other: ClaimFeatures) => boolean = () => true): RelatedClaim[] {
    const candidates = new Set<ClaimFeatures>();
    for (const feature of [...own.entities, ...own.numbers]) {
      const holders = linked.claimsByFeature.get(feature) ?? [];
      // A feature shared by very many claims ("United States") says little; rarer ones find the candidates.
      if (holders.length <= MAX_CLAIMS_PER_FEATURE) for (const holder of holders) candidates.add(holder);
    }
    const related: RelatedClaim[] = [];
    for (const other of candidates) {
      if (other.article.id === own.article.id || !current(other)) continue;
      const sharedEntities = intersectionSize(own.entities, other.entities);
      const sharedNumbers = intersectionSize(own.numbers, other.numbers);
      const score = sharedEntities + 2 * sharedNumbers + 4 * jaccard(own.words, other.words);
      if (score >= 2) related.push({ article: other.article, claim: other.claim, score });
    }
    return related.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** `linked`: the entity of each of the article's mentions, index for index. */
  private claimFeatures(articleId: string, claim: Claim, linked: readonly (LinkedEntity | undefined)[]): ClaimFeatures {
    const article = this.articles.get(articleId)!;
    return withWords(article, claim, entityFeatures(article, claim, linked));
  }

  /** The link to answer from, about article `forId` if given: linked now unless `answerFromLastLink` allows the last one. */
  private link(forId?: string): Linked {
    if (this.linkServes(forId)) {
      if (this.linkPending) this.staleLinkUsed = true;
      return this.linked!;
    }
    // A link in slices of the articles as they are now, or the first link, is finished rather than begun again.
    if (this.slicing && (!this.linked || this.slicing.at === this.changes)) this.finishSlicing();
    if (!this.linkServes(forId)) this.commit(finish(this.linking()), this.changes);
    return this.linked!;
  }

  /** Whether the last link may answer about article `forId` (any article if not given). */
  private linkServes(forId?: string): boolean {
    return !!this.linked && (!this.linkPending || (this.answerFromLastLink && !(forId !== undefined && this.changedSinceLink.has(forId))));
  }

  private finishSlicing(): void {
    const { steps, at } = this.slicing!;
    this.commit(finish(steps), at);
  }

  /**
   * Links the articles as they are now, in slices of about `sliceMs` with the event loop let in between, so that an
   * editor's requests are answered meanwhile (a keystroke's diagnostics never wait for a whole relink). Articles that
   * change meanwhile stay pending for the next link. True once this link or a newer one is in place; false when a newer
   * call took over, or when `giveUp` says so between slices while there is a link to answer from (provisionally).
   */
  async relinkInSlices(sliceMs: number, giveUp: () => boolean = () => false): Promise<boolean> {
    if (this.linked && !this.linkPending) return true;
    const slicing = { steps: this.linking(), at: this.changes };
    this.slicing = slicing;
    for (;;) {
      const sliceStart = performance.now();
      for (let step = slicing.steps.next(); ; step = slicing.steps.next()) {
        if (step.done) {
          this.commit(step.value, slicing.at);
          return true;
        }
        if (performance.now() - sliceStart >= sliceMs) break;
      }
      await new Promise((resolve) => setImmediate(resolve));
      if (this.linkedAt >= slicing.at) return true; // a request needed the link meanwhile and linked at once
      if (this.slicing !== slicing) return false;
      if (this.linked && giveUp()) {
        this.slicing = null;
        return false;
      }
    }
  }

  /** `at`: the count of `changes` that `linked` is the link of; articles changed after it stay pending. */
  private commit(linked: Linked, at: number): void {
    this.linked = linked;
    this.linkedAt = at;
    this.changedSinceLink.clear();
    this.staleLinkUsed = false;
    // Entries up to `at` are in this link, and no older link is committed after it: only later changes are kept.
    for (const [id, changedAt] of this.changedAt) {
      if (changedAt > at) this.changedSinceLink.add(id);
      else this.changedAt.delete(id);
    }
    this.slicing = null;
  }

  /** The link of the articles as they are now, in steps (see linkingSteps). */
  private *linking(): Generator<void, Linked> {
    const articles = this.all();
    // An analysis may be read for the first time here (one from the cache is parsed then): a few articles per step.
    for (const [a, article] of articles.entries()) {
      if (a % ARTICLES_PER_STEP === 0) yield;
      void article.analysis;
      // Filed here, in steps, not by the first hover on a date after the link.
      if (this.datesPending.has(article.id)) this.indexDates(article.id);
    }
    const { links } = this.editorLinks(articles);
    const entities = yield* linkingSteps(articles.map((a) => ({ articleId: a.id, mentions: a.analysis.entities })), links);
    const byMention = new Map<string, LinkedEntity[]>(articles.map((a) => [a.id, new Array(a.analysis.entities.length)]));
    for (const entity of entities) for (const ref of entity.mentions) byMention.get(ref.articleId)![ref.index] = entity;
    yield;
    const claimsByFeature = new Map<string, ClaimFeatures[]>();
    const quotesBySpeaker = new Map<string, QuoteHit[]>();
    const linked: Linked = {
      entities, byMention, claimsByFeature, quotesBySpeaker, articles, byId: new Map(articles.map((a) => [a.id, a])), byName: yield* entitiesByName(entities),
      provisional: new WeakMap(), related: new Lru(REMEMBERED_ANSWERS), nameMatches: new Map(),
    };
    yield;
    for (const article of articles) {
      for (const attribution of article.analysis.attributions) {
        const mention = attribution.sourceEntity;
        const speaker = mention === null || mention === undefined ? undefined : byMention.get(article.id)![mention];
        if (!speaker) continue;
        const quotes = quotesBySpeaker.get(speaker.id);
        if (quotes) quotes.push({ article, attribution, speaker });
        else quotesBySpeaker.set(speaker.id, [{ article, attribution, speaker }]);
      }
    }
    for (const [a, article] of articles.entries()) {
      if (a % ARTICLES_PER_STEP === 0) yield;
      for (const claim of article.analysis.claims) {
        if (!claim.attributed) continue;
        const features = withWords(article, claim, entityFeatures(article, claim, byMention.get(article.id)!));
        for (const key of [...features.entities, ...features.numbers]) {
          const holders = claimsByFeature.get(key);
          if (holders) holders.push(features);
          else claimsByFeature.set(key, [features]);
        }
      }
    }
    return linked;
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
        else {
          const unresolved = unresolvedLinks.get(article.id);
          if (unresolved) unresolved.push(link);
          else unresolvedLinks.set(article.id, [link]);
        }
      }
    }
    return { links, unresolvedLinks };
  }
}

/** Entities by folded name, of the canonical name and each alias, in link order; in steps (see linking). */
function* entitiesByName(entities: readonly LinkedEntity[]): Generator<void, Map<string, LinkedEntity[]>> {
  const byName = new Map<string, LinkedEntity[]>();
  for (const [e, entity] of entities.entries()) {
    if (e % ENTITIES_PER_STEP === 0) yield;
    for (const key of new Set([entity.canonical, ...entity.aliases].map(nameKey))) {
      const named = byName.get(key);
      if (named) named.push(entity);
      else byName.set(key, [entity]);
    }
  }
  return byName;
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

/**
 * An analysis's mentions as a SpanSet, built once per analysis: each claim's mentions checked one by one grew with the
 * square of an article's length (a 400,000-character article's problems held the server's thread for half a second).
 */
const mentionSets = new WeakMap<readonly EntityMention[], SpanSet>();

/** The linked entities (`e:ID`) of the article's mentions in the claim; `linked` holds each mention's entity. */
function entityFeatures(article: IndexedArticle, claim: Claim, linked: readonly (LinkedEntity | undefined)[]): Set<string> {
  const mentions = article.analysis.entities;
  let set = mentionSets.get(mentions);
  if (!set) mentionSets.set(mentions, (set = new SpanSet(mentions)));
  const entities = new Set<string>();
  for (const i of set.overlapping(claim)) if (linked[i]) entities.add(`e:${linked[i]!.id}`);
  return entities;
}

function withWords(article: IndexedArticle, claim: Claim, entities: Set<string>): ClaimFeatures {
  const numbers = new Set([...numbersIn(claim.text)].map((n) => `n:${n}`));
  return { article, claim, entities, numbers, words: contentWords(claim.text) };
}

/** The order of `all()`. */
function byDisplayPath(a: IndexedArticle, b: IndexedArticle): number {
  return a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0;
}

/**
 * The sentence holding `span`, found by halving (sentences are in text order): a day named in every sentence of a long
 * article is looked up once per mention.
 */
function sentenceOf(article: IndexedArticle, span: Span): Sentence | undefined {
  const { sentences } = article.analysis;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const sentence = sentences[lo - 1];
  return sentence && span.end <= sentence.end ? sentence : undefined;
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
