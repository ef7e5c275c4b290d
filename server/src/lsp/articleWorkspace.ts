// The server's view of the workspace: which files are articles, their current text (editor buffer or disk), their
// analysis in the cross-article index, and editors' decisions. Open documents are analyzed lazily, on the first
// request after an edit, so every answer is computed from the text the editor has now.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { AnalysisMemo } from '../analysisMemo';
import { claimDecisionFor } from '../articleAnnotations';
import type { EntityRecognizer } from '../entities';
import { type ClaimDecision, type ClaimStatus, type DecisionFile, emptyDecisionFile, setArticleDate, setClaimStatus } from '../decisions';
import { ARTICLE_EXTENSIONS, BRAT_CONF, bratCollections, underBratCollection } from '../articleFiles';
import { decodeArticle, overLongLine } from '../text';
import type { Claim, Span } from '../types';
import { type IndexedArticle, WorkspaceIndex } from '../workspaceIndex';
import { AnalysisCache } from './analysisCache';
import { RefusedFile, readFileBytes } from './fileBytes';
import { globMatcher } from './globMatcher';
import { type AnalysisJob, type AnalysisResult, analyzeJob } from './analysisJob';
import { AnalysisFailure, type AnalysisPool } from './analysisPool';
import { withoutSpanTexts } from './spanTexts';
import { StoredArticle, type StoredJson } from './storedArticle';
import { AnnotationHistory, type HistoryStep } from './annotationHistory';
import { type StoredDecisions, listDecisionFiles, readDecisions, writeDecisions } from './decisionStore';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/**
 * Characters from which an article is analyzed in the background when a worker is there for it: analyzing one longer
 * blocks the server's thread more than about 250 ms. Measured on articles made of BBC ones, warm pipeline, loaded
 * machine (medians of 3, ms of CPU): 20,000 characters 98-280, 40,000 170-251, 50,000 200-311, 100,000 529-920,
 * 200,000 960; the first analysis in a thread costs about twice that.
 */
const LONG_ARTICLE = 40_000;

/** Hears of the analyses made in the background. */
export interface BackgroundListener {
  /** One of the article started (none was under way). */
  started(uri: string): void;
  /** None of it is under way any more: it joined the index, failed (see `skipped`), or the article left. */
  settled(uri: string): void;
}

/** A save failed; the annotation is kept in memory and saved again later. */
export class UnsavedAnnotationsError extends Error {}

export interface WorkspaceFolder {
  uri: string;
  path: string;
}

interface ArticleState {
  document: TextDocument;
  /** Version of `document` that the index holds an analysis of. */
  analyzedVersion: number | null;
  /** Changes when this article's text or decisions change. */
  revision: number;
  open: boolean;
  decisions: StoredDecisions;
}

interface AnalysisPlan {
  text: string;
  job: AnalysisJob;
  cacheable: boolean;
  settingsKey: string;
  /** The analysis from the cache, as JSON (or how to read it). */
  cached: StoredJson | undefined;
}

export interface ClaimWithStatus {
  claim: Claim;
  status: ClaimStatus | null;
  /** The editor's decision that set the status. */
  decision?: ClaimDecision;
}

export class ArticleWorkspace {
  readonly index = new WorkspaceIndex();
  /** Undo and redo of editors' annotations. */
  readonly history = new AnnotationHistory();

  constructor(private readonly recognizer: EntityRecognizer) {}

  /** What analyses of open articles read of their sentences: a keystroke re-reads only the sentences it changed. */
  private readonly memo = new AnalysisMemo();

  private cache: AnalysisCache | null = null;

  /** Keeps analyses of closed articles on disk in `dir`, so the next start reads instead of analyzing them. */
  useCache(dir: string, version: string): void {
    this.cache = new AnalysisCache(dir, version);
  }

  /** Analyses from now on are neither read from nor kept in the cache (the entity model failed to load). */
  stopCaching(): void {
    this.cache = null;
  }

  /** Where articles too long to analyze in the server's thread are analyzed, and who hears of it. */
  private background: { pool: AnalysisPool; listener: BackgroundListener; minLength: number } | null = null;
  /** Articles with an analysis under way in the background, by URI, with what waits for it (see analyzedSoon). */
  private readonly underWay = new Map<string, (() => void)[]>();

  /**
   * From now on, articles of `minLength` characters or more that are not in the cache, and articles whose cache entry
   * vanished, are analyzed by `pool`, not in the server's thread: an open document of 1.5 MB took 17 s there, and every
   * keystroke 8 s more (its sentences outnumber what the memo keeps). An open one's keystrokes are analyzed there too,
   * where the worker remembers its sentences. Until its analysis is ready such an article has none (no colors, hovers
   * or problems), or keeps the one of the same text it had; `listener` hears when one starts and when it is done.
   */
  analyzeLongInBackground(pool: AnalysisPool, listener: BackgroundListener, minLength = LONG_ARTICLE): void {
    this.background = { pool, listener, minLength };
  }

  /** Whether an analysis of the article is under way in the background (it has none of its current text until then). */
  analyzingInBackground(uri: string): boolean {
    return this.underWay.has(uri);
  }

  /**
   * `article`, once the analysis of it under way in the background is ready, or after `waitMs` without it: a request
   * after a keystroke in a long article waits for the worker rather than answering with nothing, which would have the
   * editor's colors and problems blink off and on at every keystroke.
   */
  async analyzedSoon(uri: string, waitMs: number): Promise<IndexedArticle | undefined> {
    const now = this.article(uri);
    const waiting = this.underWay.get(uri);
    if (!waiting) return now;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      waiting.push(() => (clearTimeout(timer), resolve()));
    });
    return this.article(uri);
  }

  /**
   * While indexing, the annotation files of each article folder, listed once (by folder path): most articles have
   * none, and a failed read per article costs more than one listing per folder. Dropped where annotations change.
   */
  private decisionListings: Map<string, ReadonlySet<string> | null> | null = null;

  private readonly states = new Map<string, ArticleState>();
  private folders: WorkspaceFolder[] = [];
  private settings: Settings = DEFAULT_SETTINGS;
  private isArticle: (relativePath: string) => boolean = () => false;
  private revisionCounter = 0;
  /** git's user.name in the workspace, the author when the setting names none. */
  private gitAuthor: string | null = null;
  private settingsRevision = 0;
  /** Articles not analyzed and why (unreadable, binary, too large, too heavy for a worker), by URI. */
  readonly skipped = new Map<string, string>();

  configure(folders: WorkspaceFolder[], settings: Settings): void {
    // Articles that state no date resolve theirs against the setting: a new one means new values.
    if (settings.referenceDate !== this.settings.referenceDate) for (const state of this.states.values()) state.analyzedVersion = null;
    this.folders = folders;
    this.settings = settings;
    const include = globMatcher(settings.articleFiles, { dot: false });
    const exclude = globMatcher(settings.exclude, { dot: true });
    this.isArticle = (relative) => include(relative) && !exclude(relative);
  }

  get currentSettings(): Settings {
    return this.settings;
  }

  setGitAuthor(name: string | null): void {
    this.gitAuthor = name;
  }

  /** Who annotations are recorded as: the setting, else git's user.name, else the user's login name. */
  get author(): string {
    return this.settings.author.trim() || this.gitAuthor || os.userInfo().username;
  }

  /** Article files on disk in all workspace folders; their annotation files are listed afresh until `endIndexing`. */
  scan(): string[] {
    this.decisionListings = new Map();
    const files: string[] = [];
    for (const folder of this.folders) {
      const entries = filesUnder(folder.path);
      const collections = bratCollections(entries.map(([, relative]) => relative));
      for (const [file, relative] of entries) {
        if (ARTICLE_EXTENSIONS.includes(path.extname(relative).toLowerCase()) && this.isArticle(relative) && !underBratCollection(relative, collections)) files.push(file);
      }
    }
    return files.sort();
  }

  /** Indexing is over: annotation files are read without a listing, which the file watcher would have to keep current. */
  endIndexing(): void {
    this.decisionListings = null;
  }

  isArticleFile(filePath: string): boolean {
    const folder = this.folderOf(filePath);
    if (!folder) return false;
    const relative = path.relative(folder.path, filePath).split(path.sep).join('/');
    if (!this.isArticle(relative)) return false;
    // A brat export's copies of articles are not articles: look for its annotation.conf in the folders above.
    const above = relative.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'));
    return !['', ...above].some((dir) => fs.existsSync(path.join(folder.path, dir, BRAT_CONF)));
  }

  /** After a complete index: drops closed articles that no longer match the settings; returns the URIs removed. */
  prune(keep: Set<string>): string[] {
    const removed: string[] = [];
    for (const [uri, state] of this.states) {
      if (state.open || keep.has(uri)) continue;
      this.states.delete(uri);
      this.index.delete(uri);
      removed.push(uri);
    }
    return removed;
  }

  /**
   * After a complete index: drops cached analyses that no article used and packs the others. Housekeeping that no
   * answer needs, so it can wait until the end of indexing has been reported.
   */
  async pruneCache(): Promise<void> {
    await this.cache?.prune();
  }

  /** Resolves when the cache's prune under way, if any, has written its pack. */
  async cacheWritten(): Promise<void> {
    await this.cache?.written();
  }

  /** Reads a closed article from disk into the index. Returns false when the file cannot be an article. */
  loadFromDisk(filePath: string): boolean {
    const read = this.readFromDisk(filePath);
    if (typeof read === 'boolean') return read;
    this.states.set(read.uri, read.state);
    this.analyze(read.uri);
    return true;
  }

  /**
   * `loadFromDisk` with the analysis made by a worker of `pool` (unless cached). The article joins the index when its
   * analysis is ready; if the editor opened it, or it was read again meanwhile, that newer state is kept.
   */
  async loadFromDiskIn(filePath: string, pool: AnalysisPool): Promise<boolean> {
    const read = this.readFromDisk(filePath);
    if (typeof read === 'boolean') return read;
    const { uri, state, utf8 } = read;
    const before = this.states.get(uri);
    const plan = this.plan(uri, state, utf8);
    let json: StoredJson;
    try {
      json = plan.cached ?? (await pool.analyze(plan.job));
    } catch (error) {
      if (this.states.get(uri) !== before) return true;
      // An analysis that failed otherwise in the worker (it threw, or the worker could not read the model) is tried
      // here, where a model that cannot be read turns entities off (LazyEntityModel). Not one too heavy for a worker:
      // it would block the editor as long, or run the server out of memory.
      if (!(error instanceof AnalysisFailure)) return this.loadFromDisk(filePath);
      this.forget(uri);
      this.skipped.set(uri, error.message);
      return false;
    }
    if (this.states.get(uri) !== before) return true;
    this.states.set(uri, state);
    this.index.set(this.finish(uri, plan, json, filePath));
    state.analyzedVersion = state.document.version;
    return true;
  }

  /** The article as read from disk, not yet analyzed; true when the index already has this text, false when it is no article. */
  private readFromDisk(filePath: string): { uri: string; state: ArticleState; utf8: Uint8Array } | boolean {
    const uri = this.uriOf(filePath);
    if (this.states.get(uri)?.open) return true;
    let bytes: Uint8Array;
    try {
      bytes = readFileBytes(filePath, this.settings.maxFileSize);
    } catch (error) {
      this.forget(uri);
      this.skipped.set(uri, error instanceof RefusedFile ? error.message : `cannot read: ${(error as NodeJS.ErrnoException).code}`);
      return false;
    }
    const decoded = decodeArticle(bytes, this.settings.maxFileSize);
    if (!decoded.ok) {
      this.forget(uri);
      this.skipped.set(uri, decoded.reason);
      return false;
    }
    this.skipped.delete(uri);
    const previous = this.states.get(uri);
    if (previous && previous.document.getText() === decoded.text && previous.analyzedVersion !== null) return true;
    const document = TextDocument.create(uri, 'article', 0, decoded.text);
    // The text's UTF-8 as read (the decoder drops a byte order mark): its cache key without encoding it again. Valid
    // until the next file is read.
    const utf8 = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    return { uri, utf8, state: { document, analyzedVersion: null, open: false, decisions: this.decisionsOf(filePath), revision: this.nextRevision() } };
  }

  /** An editor opened or changed a document; it is analyzed on the next request that needs it. */
  updateOpen(document: TextDocument): void {
    const previous = this.states.get(document.uri);
    const parsed = URI.parse(document.uri);
    const decisions = previous?.decisions ?? (parsed.scheme === 'file' ? readDecisions(parsed.fsPath) : { file: emptyDecisionFile(parsed.path), error: null });
    this.states.set(document.uri, { document, analyzedVersion: null, open: true, decisions, revision: this.nextRevision() });
  }

  /** The editor closed a document: the disk version takes over, or the article leaves the index. */
  close(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    state.open = false;
    const filePath = URI.parse(uri).fsPath;
    if (URI.parse(uri).scheme === 'file' && this.isArticleFile(filePath) && fs.existsSync(filePath)) {
      state.analyzedVersion = null;
      this.loadFromDisk(filePath);
    } else {
      this.forget(uri);
    }
    this.closeIdleBackground();
  }

  forget(uri: string): void {
    this.states.delete(uri);
    this.index.delete(uri);
  }

  isOpen(uri: string): boolean {
    return this.states.get(uri)?.open ?? false;
  }

  /** The article with an analysis of its current text, or undefined when the URI is not an article. */
  article(uri: string): IndexedArticle | undefined {
    if (!this.states.has(uri)) return undefined;
    this.analyze(uri);
    return this.index.get(uri);
  }

  /** Brings every article's analysis up to date (before a cross-article answer). */
  fresh(): WorkspaceIndex {
    for (const uri of this.states.keys()) this.analyze(uri);
    return this.index;
  }

  document(uri: string): TextDocument | undefined {
    return this.states.get(uri)?.document;
  }

  uris(): string[] {
    return [...this.states.keys()];
  }

  /** Changes when the article's text or decisions change, or the settings do, and when its background analysis ends. */
  revision(uri: string): string {
    return `${this.states.get(uri)?.revision ?? -1}.${this.settingsRevision}${this.underWay.has(uri) ? '.analyzing' : ''}`;
  }

  /** The article's annotation file as last read, or null when it is damaged (or the URI is no article). */
  decisionFile(uri: string): DecisionFile | null {
    return this.states.get(uri)?.decisions.file ?? null;
  }

  decisionError(uri: string): string | null {
    return this.states.get(uri)?.decisions.error ?? null;
  }

  /** The claims of an article with the status an editor gave each (anchored to the current text). */
  claims(uri: string): ClaimWithStatus[] {
    const article = this.article(uri);
    if (!article) return [];
    return article.analysis.claims.map((claim) => {
      const decision = claimDecisionFor(article.annotations, claim);
      return { claim, status: decision?.status ?? null, decision };
    });
  }

  /** Records an editor's decision on a claim and saves it; throws with a message a person can act on. */
  setClaimStatus(uri: string, span: Span, status: ClaimStatus): void {
    this.annotate(uri, `Claim ${status}`, (file, article, author) => setClaimStatus(file, article.text, span, status, author, new Date()));
  }

  /** Records the article's date as an editor gives it (null removes it) and saves it with the article's decisions. */
  setArticleDate(uri: string, date: string | null): void {
    this.annotate(uri, date ? `Article date ${date}` : 'Article date cleared', (file, _article, author) => setArticleDate(file, date, author, new Date()));
  }

  /**
   * Applies an editor's change to the article's annotation file, saves it and records an undo step; throws with a
   * message a person can act on. The change builds on the file as it is on disk now (a git checkout, another window).
   */
  annotate(uri: string, label: string, decide: (file: DecisionFile, article: IndexedArticle, author: string) => DecisionFile): void {
    const state = this.states.get(uri);
    const article = this.article(uri);
    if (!state || !article) throw new Error('this document is not an article in the workspace');
    if (URI.parse(uri).scheme !== 'file') throw new Error('save the article first: annotations are stored beside it');
    const articlePath = URI.parse(uri).fsPath;
    const stored = readDecisions(articlePath);
    const pending = this.unsaved.get(articlePath);
    if (!stored.file && !pending) {
      this.useDecisions(state, stored);
      throw new Error(stored.error);
    }
    // Annotations that could not be saved yet come first: the disk lacks them.
    const updated = decide(pending ?? stored.file!, article, this.author);
    let after: string;
    try {
      after = writeDecisions(articlePath, updated);
      this.decisionsChanged(articlePath);
    } catch (error) {
      this.unsaved.set(articlePath, updated);
      this.useDecisions(state, { file: updated, error: null, content: stored.content });
      throw new UnsavedAnnotationsError(`cannot write the annotations of ${path.basename(articlePath)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); they are kept and saved again until it works`);
    }
    this.unsaved.delete(articlePath);
    this.history.record({ articlePath, label, before: stored.content ?? null, after });
    this.useDecisions(state, { file: updated, error: null, content: after });
  }

  /** Articles whose latest annotations are only in memory: a save failed (read-only folder, disk full). */
  private readonly unsaved = new Map<string, DecisionFile>();

  /** The article's annotations: those waiting to be saved, else the file's. */
  private decisionsOf(articlePath: string): StoredDecisions {
    const pending = this.unsaved.get(articlePath);
    return pending ? { file: pending, error: null } : readDecisions(articlePath, this.listedDecisions(path.dirname(articlePath)));
  }

  private listedDecisions(folder: string): ReadonlySet<string> | null | undefined {
    if (!this.decisionListings) return undefined;
    if (!this.decisionListings.has(folder)) this.decisionListings.set(folder, listDecisionFiles(folder));
    return this.decisionListings.get(folder);
  }

  /** An annotation file was written or changed: its folder is listed again when next needed. */
  private decisionsChanged(articlePath: string): void {
    this.decisionListings?.delete(path.dirname(articlePath));
  }

  get unsavedArticles(): string[] {
    return [...this.unsaved.keys()];
  }

  /** Tries the failed saves again; returns the articles saved now. */
  retryUnsaved(): string[] {
    const saved: string[] = [];
    for (const [articlePath, file] of this.unsaved) {
      try {
        const content = writeDecisions(articlePath, file);
        this.decisionsChanged(articlePath);
        this.unsaved.delete(articlePath);
        const state = this.states.get(URI.file(articlePath).toString());
        if (state) state.decisions = { file, error: null, content };
        saved.push(articlePath);
      } catch {
        // Still failing: kept for the next try.
      }
    }
    return saved;
  }

  /** Undoes the last annotation step anywhere in the workspace; null when there is none. Throws HistoryConflict. */
  undo(): HistoryStep | null {
    const step = this.history.undo();
    if (step) this.reloadDecisions(step.articlePath);
    return step;
  }

  redo(): HistoryStep | null {
    const step = this.history.redo();
    if (step) this.reloadDecisions(step.articlePath);
    return step;
  }

  /** Annotations changed: the article is analyzed again (they correct names, dates and the article's date). */
  private useDecisions(state: ArticleState, decisions: StoredDecisions): void {
    state.decisions = decisions;
    state.revision = this.nextRevision();
    state.analyzedVersion = null;
  }

  /**
   * A decision file changed on disk (git checkout, another window): reload it. Returns undefined when nothing changed,
   * as when the change is this server's own write coming back from the file watcher.
   */
  reloadDecisions(articlePath: string): string | undefined {
    this.decisionsChanged(articlePath); // also for an article not read yet: its file may be new
    const uri = URI.file(articlePath).toString();
    const state = this.states.get(uri);
    if (!state || this.unsaved.has(articlePath)) return undefined; // the editor's unsaved work wins over the disk
    const stored = readDecisions(articlePath);
    if (stored.content !== undefined && stored.content === state.decisions.content && stored.error === state.decisions.error) return undefined;
    this.useDecisions(state, stored);
    return uri;
  }

  /** Everything's diagnostics may change (settings changed). */
  touchAll(): void {
    this.settingsRevision = this.nextRevision();
  }

  private analyze(uri: string): void {
    const state = this.states.get(uri);
    if (!state || state.analyzedVersion === state.document.version) return;
    const plan = this.plan(uri, state);
    if (!plan.cached && this.inBackground(plan)) return this.analyzeInBackground(uri, state, plan);
    this.index.set(this.finish(uri, plan, plan.cached ?? analyzeJob(plan.job, this.recognizer, state.open ? this.memo : undefined)));
    state.analyzedVersion = state.document.version;
  }

  private inBackground(plan: AnalysisPlan): boolean {
    return !!this.background && plan.job.text.length >= this.background.minLength;
  }

  /**
   * Analyzes the article in a worker, one analysis per article at a time; meanwhile the index holds no analysis of
   * another text. The analysis joins the index if the article has not changed since; if it has, its newest text is
   * analyzed next. An article no worker can analyze is skipped with the reason, not analyzed here.
   */
  private analyzeInBackground(uri: string, state: ArticleState, plan: AnalysisPlan): void {
    const { pool, listener } = this.background!;
    if (this.index.get(uri)?.text !== plan.text) this.index.delete(uri);
    if (this.underWay.has(uri)) return; // its end starts the newest
    this.underWay.set(uri, []);
    listener.started(uri);
    const { revision, document } = state;
    const settings = this.settings;
    const current = () => this.states.get(uri) === state && state.revision === revision && this.settings === settings;
    const done = (article: IndexedArticle, reason?: string) => {
      if (reason) this.skipped.set(uri, reason);
      this.index.set(article);
      state.analyzedVersion = document.version;
    };
    pool.analyze(plan.job).then(
      (json) => current() && done(this.finish(uri, plan, json)),
      (error: Error) => current() && done(this.unanalyzed(uri, plan.text), error instanceof AnalysisFailure ? error.message : `the analysis failed: ${error.message.split('\n')[0]}`),
    ).finally(() => {
      const waiting = this.underWay.get(uri)!;
      this.underWay.delete(uri);
      try {
        if (!current()) this.analyze(uri);
      } catch (error) {
        // Edited below the background's length, the article was analyzed here: a failure is its reason, and what
        // waits for it still resumes and its progress ends.
        this.skipped.set(uri, `the analysis failed: ${(error as Error).message.split('\n')[0]}`);
      }
      if (this.underWay.has(uri)) {
        this.underWay.get(uri)!.push(...waiting); // they wait for the analysis of the newest text
        return;
      }
      for (const resume of waiting) resume();
      listener.settled(uri);
      this.closeIdleBackground();
    });
  }

  /**
   * Stops the background worker when nothing is under way and no long article is open: its memory goes back until the
   * next. It stays while one is open, remembering its sentences for the next keystroke.
   */
  private closeIdleBackground(): void {
    if (!this.background || this.underWay.size > 0) return;
    const { pool, minLength } = this.background;
    for (const state of this.states.values()) if (state.open && state.document.getText().length >= minLength) return;
    void pool.close();
  }

  /** The article with the analysis of no text: shown, not analyzed (see `skipped`). */
  private unanalyzed(uri: string, text: string): IndexedArticle {
    const job: AnalysisJob = { uri, text: '', decisions: null, fallbackReferenceDate: null };
    // No text, no names: the model need not be loaded in this thread for that.
    return { id: uri, displayPath: this.displayPath(uri), text, ...analyzeJob(job, { recognize: () => [] }) };
  }

  /** What analyzing the article takes: the job, or the analysis from the cache. `utf8`: the text's, when at hand. */
  private plan(uri: string, state: ArticleState, utf8?: Uint8Array): AnalysisPlan {
    const text = state.document.getText();
    // An open document over the size limit is shown but not analyzed: the editor must stay responsive.
    const longLine = overLongLine(text);
    const tooLarge = text.length > this.settings.maxFileSize || longLine !== null;
    if (tooLarge) this.skipped.set(uri, longLine ?? `over the ${this.settings.maxFileSize}-character limit (newsAnnotator.maxFileSize)`);
    else this.skipped.delete(uri);
    const job: AnalysisJob = { uri, text: tooLarge ? '' : text, decisions: tooLarge ? null : state.decisions.file, fallbackReferenceDate: this.settings.referenceDate, open: state.open };
    // Only articles closed and unannotated come from the cache: their analysis depends on the text and settings alone.
    const cacheable = !!this.cache && !tooLarge && !state.open && !!state.decisions.file && state.decisions.content === null;
    const settingsKey = `${this.settings.referenceDate}`;
    return { text, job, cacheable, settingsKey, cached: cacheable ? this.cache!.find(text, settingsKey, utf8) : undefined };
  }

  /**
   * The article for the index, its analysis kept in the cache if it belongs there. `analyzed` as JSON (from the cache
   * or a worker, in the cache's form) is parsed only when something reads the analysis; a worker's, once written to
   * the cache, is read back from there then. `filePath`: the article's file, when known (its URI need not be parsed
   * again).
   */
  private finish(uri: string, plan: AnalysisPlan, analyzed: AnalysisResult | StoredJson, filePath?: string): IndexedArticle {
    const { text, job, cacheable, settingsKey } = plan; // not `cached`: a stored article must not keep its JSON once parsed
    const displayPath = filePath === undefined ? this.displayPath(uri) : this.displayPathOf(filePath);
    if (typeof analyzed === 'object') {
      if (cacheable && !plan.cached) this.keep(text, settingsKey, analyzed);
      return { id: uri, displayPath, text, analysis: analyzed.analysis, annotations: analyzed.annotations };
    }
    const written = cacheable && !plan.cached && typeof analyzed === 'string' && this.keep(text, settingsKey, analyzed);
    // Held here until read, the JSON of a cold index (about 60 MB for a corpus of 12,873 articles) added to its peak
    // memory, which comes while the workers still run; read back from its entry, it costs a file read per article.
    const cache = this.cache;
    const json = written && cache ? () => cache.get(text, settingsKey) : analyzed;
    return new StoredArticle(uri, displayPath, text, json, () => {
      // Its entry is gone (the storage cleared meanwhile): it is analyzed again in the background, whatever its length
      // (the storage of 200 articles cleared cost 5.4 s of the server's thread), and has no analysis until then.
      const state = this.states.get(uri);
      if (state && state.document.getText() === text && this.background) {
        this.analyzeInBackground(uri, state, { ...plan, cached: undefined });
        return this.unanalyzed(uri, text);
      }
      const again = analyzeJob(job, this.recognizer);
      if (cacheable) this.keep(text, settingsKey, again); // replaces the damaged entry
      return again;
    });
  }

  /** Keeps the analysis in the cache; false when there is none or it could not be written. */
  private keep(text: string, settingsKey: string, analyzed: AnalysisResult | string): boolean {
    return this.cache?.set(text, settingsKey, typeof analyzed === 'string' ? analyzed : JSON.stringify(withoutSpanTexts(analyzed, text))) ?? false;
  }

  private displayPath(uri: string): string {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? this.displayPathOf(parsed.fsPath) : parsed.path.split('/').pop() ?? uri;
  }

  private displayPathOf(filePath: string): string {
    const folder = this.folderOf(filePath);
    if (!folder) return path.basename(filePath);
    // The folder is a prefix of the path (folderOf): slicing is much cheaper than path.relative, per article indexed.
    const relative = filePath.slice(folder.path.length + 1);
    return path.sep === '/' ? relative : relative.split(path.sep).join('/');
  }

  /**
   * The file's URI, as `URI.file(filePath).toString()` gives it. For a file in a workspace folder whose relative path
   * has only characters a URI keeps as they are, it is the folder's URI and that path: a reopen asks for one per
   * article, and building each with vscode-uri cost more than reading the article's hash from the cache.
   */
  uriOf(filePath: string): string {
    const folder = this.folderOf(filePath);
    const relative = folder && filePath.slice(folder.path.length + 1);
    if (folder && relative && UNESCAPED_PATH.test(relative)) {
      let folderUri = this.folderUris.get(folder.path);
      if (folderUri === undefined) this.folderUris.set(folder.path, (folderUri = URI.file(folder.path).toString()));
      return `${folderUri}/${relative}`;
    }
    return URI.file(filePath).toString();
  }

  /** The workspace folders' URIs as vscode-uri writes them, by path (see uriOf). */
  private readonly folderUris = new Map<string, string>();

  private folderOf(filePath: string): WorkspaceFolder | undefined {
    // No `f.path + path.sep` string per call: this runs twice per article read.
    return this.folders.find((f) => filePath.startsWith(f.path) && (filePath.length === f.path.length || filePath[f.path.length] === path.sep));
  }

  private nextRevision(): number {
    return ++this.revisionCounter;
  }
}

/** A relative path, '/'-separated, of characters that vscode-uri writes unescaped in a file URI's path. */
const UNESCAPED_PATH = /^[A-Za-z0-9._~/-]+$/;

/**
 * Files and folders under `folder`, at any depth, as [path, path relative to `folder` with '/'] (none when it cannot be
 * listed; a folder named like an article is then skipped as unreadable). One listing per folder, as a recursive
 * readdirSync does, but in a fifth of its time for the 12,873 articles of a corpus.
 */
function filesUnder(folder: string, relative = '', found: [string, string][] = []): [string, string][] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const file = `${folder}${path.sep}${entry.name}`;
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    found.push([file, name]);
    if (entry.isDirectory()) filesUnder(file, name, found);
  }
  return found;
}
