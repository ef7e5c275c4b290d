// Shared shapes of the analysis pipeline. Offsets are UTF-16 code units into the decoded text; `end` is exclusive.

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export type EntityType = 'PERSON' | 'ORGANIZATION' | 'LOCATION' | 'MISC';

export interface EntityMention extends TextSpan {
  type: EntityType;
  /** Set when an editor annotated this mention: their word overrides the tagger's. */
  editor?: EditorMark;
}

/** An editor's hand in a mention: who, when, and what they did to what was detected there. */
export interface EditorMark {
  annotationId: string;
  author: string;
  created: string;
  /** `revalued`: a date whose value the editor gave. */
  action: 'added' | 'retyped' | 'confirmed' | 'revalued';
  /** For a retyped mention, the detected type (an entity type or DATE). */
  was?: string;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface DateMention extends TextSpan {
  type: TimexType;
  /** TIMEX3 value, unknown parts as X (e.g. XXXX-10-15). */
  value: string;
  /** What the value was worked out from. */
  anchor: DateAnchor;
  /** Set when an editor annotated this date. */
  editor?: EditorMark;
}

/**
 * Where a date's value comes from: the words alone ("15 October 2016", "three days"), the article's date ("Saturday",
 * "last month"), or a date the article named earlier ("the next day", "a year earlier" after "the third quarter").
 */
export type DateAnchor = 'text' | 'article-date' | 'earlier-date';

export interface Attribution {
  cue: TextSpan;
  source: TextSpan | null;
  content: TextSpan;
  /** Index in the article's entities of who the source is (a pronoun resolved to its referent); null when unknown. */
  sourceEntity?: number | null;
}

/** Why a claim needs checking; the first reason drives the diagnostic message. */
export type ClaimReason = 'number' | 'accusation' | 'causal' | 'superlative' | 'prediction' | 'assertion';

export interface Claim extends TextSpan {
  attributed: boolean;
  /** Check-worthiness signals found in the claim, strongest first; empty for plain statements. */
  reasons: ClaimReason[];
  /** How worth checking the claim is, 0..1 (a model trained on ClaimBuster); ranks and grades the diagnostics. */
  checkWorthiness: number;
}

export interface Sentence extends TextSpan {
  /** Index of the non-blank line (the article's paragraph) that holds the sentence. */
  paragraph: number;
}

export interface Token extends TextSpan {}

export interface ArticleAnalysis {
  title: TextSpan | null;
  /** Publication date used to resolve relative dates, YYYY-MM-DD, or null when unknown. */
  referenceDate: string | null;
  /** Where referenceDate came from. */
  referenceDateSource: ReferenceDateSource | null;
  sentences: Sentence[];
  entities: EntityMention[];
  dates: DateMention[];
  attributions: Attribution[];
  claims: Claim[];
}

/**
 * The article's dateline or date line, the first full date of its lead, an editor's choice stored with its
 * annotations, or the date given for articles that state none (the CLI's --reference-date, the editor setting).
 */
export type ReferenceDateSource = 'dateline' | 'text' | 'editor' | 'default';
