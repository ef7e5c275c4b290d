// The pipeline for one article: text → sentences → entities, dates → attributions → claims.
import type { AnalysisMemo } from './analysisMemo';
import { mapped } from './arrays';
import { extractAttributions } from './attribution';
import type { TaggerModel } from './attributionScorer';
import { extractClaims } from './claims';
import { type EntityCorrections, applyCorrections } from './corrections';
import { type DateMemo, extractDates, findArticleDate, oneAnalysisDateMemo } from './dates';
import { type EntityRecognizer, defaultRecognizer } from './entities';
import { resolveSources } from './sources';
import { sentenceTokens, slice, splitSentences } from './text';
import type { ArticleAnalysis, ReferenceDateSource, Sentence, TextSpan } from './types';

export interface AnalyzeOptions {
  /** Used when the article states no date of its own (CLI flag, editor setting). */
  fallbackReferenceDate?: string | null;
  /** The article's date as an editor set it ("Set article date..."): it takes precedence over what the text states. */
  articleDate?: string | null;
  recognizer?: EntityRecognizer;
  /** Editors' annotations of names and dates, anchored to this text: they override what was detected. */
  corrections?: EntityCorrections;
  /** What earlier analyses read of sentences, for re-analysing an edited article (with the same recognizer). */
  memo?: AnalysisMemo;
  /**
   * The attribution tagger, for scoring one trained on part of PolNeAR train on the rest; the committed one when
   * undefined, the rules alone when null. A memo serves one tagger.
   */
  attributionModel?: TaggerModel | null;
  /** Runs each stage of the pipeline, for the benchmark to time them as the product calls them; by default, just runs it. */
  runStage?: StageRunner;
}

export type PipelineStage = 'sentences' | 'article date' | 'entities' | 'dates' | 'attribution' | 'sources' | 'claims';
export type StageRunner = <T>(stage: PipelineStage, run: () => T) => T;

const justRun: StageRunner = (_stage, run) => run();

// One-word lines that web pages leave above the headline.
const PAGE_CHROME = /^(share|advertisement|story highlights|print|email)$/i;

export function analyzeArticle(text: string, options: AnalyzeOptions = {}): ArticleAnalysis {
  const { memo, runStage = justRun } = options;
  const sentences = runStage('sentences', () => splitSentences(text, memo?.sentences));
  // Page furniture ("Story highlights") is no text of the article: the tagger read "Story" as a person there.
  const articleSentences = sentences.filter((s) => !PAGE_CHROME.test(s.text));
  const title = findTitle(text, sentences, articleSentences[0]);
  const dateMemo = memo?.dates ?? oneAnalysisDateMemo(sentences);
  const tokens = sentenceTokens(memo?.tokens);
  const { date: referenceDate, source: referenceDateSource } = runStage('article date', () => chooseReferenceDate(text, sentences, options, dateMemo));
  const recognizer = options.recognizer ?? defaultRecognizer();
  const detected = {
    entities: runStage('entities', () => recognizer.recognize(text, articleSentences, memo?.entities, tokens)),
    dates: runStage('dates', () => extractDates(text, sentences, referenceDate, dateMemo)),
  };
  const { entities, dates } = options.corrections ? applyCorrections(text, detected, options.corrections, referenceDate) : detected;
  const found = runStage('attribution', () => extractAttributions(text, sentences, entities, memo?.attribution, options.attributionModel, tokens));
  const sourceEntities = runStage('sources', () => resolveSources(found, entities, sentences));
  const attributions = mapped(found, (attribution, i) => ({ ...attribution, sourceEntity: sourceEntities[i] }));
  const claims = runStage('claims', () => extractClaims(text, sentences, attributions, title, memo?.claims, tokens));
  return { title, referenceDate, referenceDateSource, sentences, entities, dates, attributions, claims };
}

function chooseReferenceDate(
  text: string,
  sentences: Sentence[],
  options: AnalyzeOptions,
  memo: DateMemo,
): { date: string | null; source: ReferenceDateSource | null } {
  if (options.articleDate) return { date: options.articleDate, source: 'editor' };
  const stated = findArticleDate(text, sentences, options.fallbackReferenceDate ?? null, memo);
  if (stated) return stated;
  return options.fallbackReferenceDate ? { date: options.fallbackReferenceDate, source: 'default' } : { date: null, source: null };
}

/** The headline: the paragraph of the article's first sentence (`first`, after page furniture such as "Share"). */
function findTitle(text: string, sentences: Sentence[], first: Sentence | undefined): TextSpan | null {
  if (!first) return null;
  const paragraph = sentences.filter((s) => s.paragraph === first.paragraph);
  return slice(text, { start: paragraph[0].start, end: paragraph[paragraph.length - 1].end });
}
