// The server's view of the workspace: which files are articles, their current text (editor buffer or disk), their
// analysis in the cross-article index, and editors' decisions. Open documents are analyzed lazily, on the first
// request after an edit, so every answer is computed from the text the editor has now.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { analyzeArticle } from '../analyze';
import type { EntityRecognizer } from '../entities';
import { type ClaimDecision, type ClaimStatus, type DecisionFile, anchor, emptyDecisionFile, setArticleDate, setClaimStatus } from '../decisions';
import { ARTICLE_EXTENSIONS } from '../articleFiles';
import { decodeArticle } from '../text';
import type { Claim, Span } from '../types';
import { type IndexedArticle, WorkspaceIndex } from '../workspaceIndex';
import { type StoredDecisions, readDecisions, writeDecisions } from './decisionStore';
import { DEFAULT_SETTINGS, type Settings } from './settings';

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

export interface ClaimWithStatus {
  claim: Claim;
  status: ClaimStatus | null;
  /** Who made the decision, when there is one. */
  author: string | null;
}

export class ArticleWorkspace {
  readonly index = new WorkspaceIndex();

  constructor(private readonly recognizer: EntityRecognizer) {}

  private readonly states = new Map<string, ArticleState>();
  private folders: WorkspaceFolder[] = [];
  private settings: Settings = DEFAULT_SETTINGS;
  private isArticle: (relativePath: string) => boolean = () => false;
  private revisionCounter = 0;
  private settingsRevision = 0;
  /** Articles not analyzed and why (unreadable, binary, too large), by URI. */
  readonly skipped = new Map<string, string>();

  configure(folders: WorkspaceFolder[], settings: Settings): void {
    // Articles that state no date resolve theirs against the setting: a new one means new values.
    if (settings.referenceDate !== this.settings.referenceDate) for (const state of this.states.values()) state.analyzedVersion = null;
    this.folders = folders;
    this.settings = settings;
    const include = picomatch(settings.articleFiles, { dot: false });
    const exclude = picomatch(settings.exclude, { dot: true });
    this.isArticle = (relative) => include(relative) && !exclude(relative);
  }

  get currentSettings(): Settings {
    return this.settings;
  }

  /** Article files on disk in all workspace folders. */
  scan(): string[] {
    const files: string[] = [];
    for (const folder of this.folders) {
      let entries: string[];
      try {
        entries = fs.readdirSync(folder.path, { recursive: true }) as string[];
      } catch {
        continue;
      }
      for (const relative of entries) {
        if (!ARTICLE_EXTENSIONS.includes(path.extname(relative).toLowerCase())) continue;
        if (this.isArticle(relative.split(path.sep).join('/'))) files.push(path.join(folder.path, relative));
      }
    }
    return files.sort();
  }

  isArticleFile(filePath: string): boolean {
    const folder = this.folderOf(filePath);
    return !!folder && this.isArticle(path.relative(folder.path, filePath).split(path.sep).join('/'));
  }

  /** Drops closed articles that no longer match the settings; returns the URIs removed. */
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

  /** Reads a closed article from disk into the index. Returns false when the file cannot be an article. */
  loadFromDisk(filePath: string): boolean {
    const uri = URI.file(filePath).toString();
    if (this.states.get(uri)?.open) return true;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(filePath);
    } catch (error) {
      this.forget(uri);
      this.skipped.set(uri, `cannot read: ${(error as NodeJS.ErrnoException).code}`);
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
    this.states.set(uri, { document, analyzedVersion: null, open: false, decisions: readDecisions(filePath), revision: this.nextRevision() });
    this.analyze(uri);
    return true;
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

  /** Changes when the article's text or decisions change, or the settings do. */
  revision(uri: string): string {
    return `${this.states.get(uri)?.revision ?? -1}.${this.settingsRevision}`;
  }

  decisionError(uri: string): string | null {
    return this.states.get(uri)?.decisions.error ?? null;
  }

  /** The claims of an article with the status an editor gave each (anchored to the current text). */
  claims(uri: string): ClaimWithStatus[] {
    const article = this.article(uri);
    const state = this.states.get(uri);
    if (!article || !state) return [];
    const decisions = new Map<string, ClaimDecision>();
    for (const decision of state.decisions.file?.annotations ?? []) {
      const at = anchor(article.text, decision);
      if (at) decisions.set(`${at.start}:${at.end}`, decision);
    }
    return article.analysis.claims.map((claim) => {
      const decision = decisions.get(`${claim.start}:${claim.end}`);
      return { claim, status: decision?.status ?? null, author: decision?.author ?? null };
    });
  }

  /** Records an editor's decision on a claim and saves it; throws with a message a person can act on. */
  setClaimStatus(uri: string, span: Span, status: ClaimStatus): void {
    this.saveDecision(uri, (file, article, author) => setClaimStatus(file, article.text, span, status, author, new Date()));
  }

  /** Records the article's date as an editor gives it (null removes it) and saves it with the article's decisions. */
  setArticleDate(uri: string, date: string | null): void {
    this.saveDecision(uri, (file, _article, author) => setArticleDate(file, date, author, new Date()));
    this.states.get(uri)!.analyzedVersion = null; // its dates resolve against the new date
  }

  /** Applies an editor's decision to the article's decision file and saves it; throws with a message a person can act on. */
  private saveDecision(uri: string, decide: (file: DecisionFile, article: IndexedArticle, author: string) => DecisionFile): void {
    const state = this.states.get(uri);
    const article = this.article(uri);
    if (!state || !article) throw new Error('this document is not an article in the workspace');
    if (URI.parse(uri).scheme !== 'file') throw new Error('save the article first: decisions are stored beside it');
    if (!state.decisions.file) throw new Error(state.decisions.error);
    const updated = decide(state.decisions.file, article, this.settings.author || os.userInfo().username);
    writeDecisions(URI.parse(uri).fsPath, updated);
    state.decisions = { file: updated, error: null };
    state.revision = this.nextRevision();
  }

  /** A decision file changed on disk (git checkout, another window): reload it. */
  reloadDecisions(articlePath: string): string | undefined {
    const uri = URI.file(articlePath).toString();
    const state = this.states.get(uri);
    if (!state) return undefined;
    state.decisions = readDecisions(articlePath);
    state.revision = this.nextRevision();
    state.analyzedVersion = null; // the article's date may have changed
    return uri;
  }

  /** Everything's diagnostics may change (settings changed). */
  touchAll(): void {
    this.settingsRevision = this.nextRevision();
  }

  private analyze(uri: string): void {
    const state = this.states.get(uri);
    if (!state || state.analyzedVersion === state.document.version) return;
    this.index.set(this.indexed(uri, state.document, state.decisions.file?.articleDate?.date ?? null));
    state.analyzedVersion = state.document.version;
  }

  private indexed(uri: string, document: TextDocument, articleDate: string | null): IndexedArticle {
    const text = document.getText();
    // An open document over the size limit is shown but not analyzed: the editor must stay responsive.
    const tooLarge = text.length > this.settings.maxFileSize;
    if (tooLarge) this.skipped.set(uri, `over the ${this.settings.maxFileSize}-character limit (newsAnnotator.maxFileSize)`);
    else this.skipped.delete(uri);
    const analysis = analyzeArticle(tooLarge ? '' : text, { fallbackReferenceDate: this.settings.referenceDate, articleDate, recognizer: this.recognizer });
    return { id: uri, displayPath: this.displayPath(uri), text, analysis };
  }

  private displayPath(uri: string): string {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return parsed.path.split('/').pop() ?? uri;
    const folder = this.folderOf(parsed.fsPath);
    return folder ? path.relative(folder.path, parsed.fsPath).split(path.sep).join('/') : path.basename(parsed.fsPath);
  }

  private folderOf(filePath: string): WorkspaceFolder | undefined {
    return this.folders.find((f) => filePath === f.path || filePath.startsWith(f.path + path.sep));
  }

  private nextRevision(): number {
    return ++this.revisionCounter;
  }
}
