// The language server: wires the analysis library to LSP. Heavy work (indexing the workspace) runs in batches
// in the background with progress, so requests are answered while it goes on.
import {
  type Connection,
  createConnection,
  DidChangeConfigurationNotification,
  type DiagnosticServerCancellationData,
  DocumentDiagnosticReportKind,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { defaultRecognizer } from './entities';
import { CLAIM_STATUSES, type ClaimStatus } from './decisions';
import { STORE_ARTICLE_DATE_COMMAND, articleDateActions } from './lsp/articleDate';
import { ANNOTATE_KIND, annotationActions } from './lsp/annotationActions';
import {
  ANNOTATE_COMMAND,
  AnnotationRequestError,
  type AnnotationRequest,
  LINK_CANDIDATES_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  applyAnnotation,
  linkCandidates,
  stepHistory,
} from './lsp/annotationCommands';
import { ATTRIBUTION_MODEL_FILE } from './attributionModel';
import { analyzerVersion } from './lsp/analysisCache';
import { AnalysisPool } from './lsp/analysisPool';
import { ArticleWorkspace, UnsavedAnnotationsError, type WorkspaceFolder } from './lsp/articleWorkspace';
import { BackgroundProgress } from './lsp/backgroundProgress';
import { LazyEntityModel } from './lsp/lazyEntityModel';
import { SET_CLAIM_STATUS_COMMAND, codeActions } from './lsp/codeActions';
import { articlePathForDecisions } from './lsp/decisionStore';
import { diagnosticsFor, diagnosticsInSlices, resultId } from './lsp/diagnostics';
import { AUTHORS_COMMAND, EXPORT_COMMAND, EXPORT_FORMATS, type ExportFormat, IMPORT_COMMAND, type ImportRequest, annotationAuthors, exportFor, importInto } from './lsp/exchange';
import { gitUserName } from './lsp/gitAuthor';
import { ImportError } from './importW3c';
import { hover } from './lsp/hover';
import { claimStatusHints, dateInlayHints } from './lsp/inlayHints';
import { LEGEND, semanticTokens } from './lsp/semanticTokens';
import { parseSettings } from './lsp/settings';
import { documentSymbols, references, workspaceSymbols } from './lsp/symbols';
import { BUNDLED_MODEL_FILE } from './ner/bundledModel';
import { isCalendarDate } from './timex';

/** Articles waiting for or in each analysis worker while indexing. */
const QUEUED_PER_WORKER = 4;
// Indexing yields to requests after this much work: one article's analysis can take tens of ms on a slow machine,
// so counting articles per batch would keep the editor waiting for seconds.
const BATCH_MILLISECONDS = 20;
/** A pause in typing this long relinks the workspace. */
const RELINK_DELAY_MS = 500;
/** The relink, and an article's problems, work this long at a time, then let requests in: a keystroke waits no longer for them. */
const RELINK_SLICE_MS = 10;
/** While indexing, relinks that requests ask for take at most this share of the time: the rest goes to indexing. */
const RELINK_SHARE_WHILE_INDEXING = 0.1;
/** Refreshes for analyses done in the background come no more often than this. */
const BACKGROUND_REFRESH_MS = 1000;
/** Requests about an article being analyzed in the background wait this long for it (ArticleWorkspace.analyzedSoon). */
const BACKGROUND_WAIT_MS = 1000;
/** An open article's analysis in the background shows a progress from this long on. */
const BACKGROUND_PROGRESS_DELAY_MS = 500;
/** How often annotations whose save failed are saved again. */
const SAVE_RETRY_MS = 10_000;

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
// If the model cannot be read (a damaged install), everything but entities still works, and we say so.
const entityModel = new LazyEntityModel(defaultRecognizer, (error) => {
  workspace.stopCaching(); // analyses without entities must not pass for those of a working model
  connection.console.error(error);
  connection.window.showErrorMessage(`News Annotator: entities are off: ${error}. Reinstall the extension.`);
});
const workspace = new ArticleWorkspace(entityModel.recognizer);
// Long articles (one opened) and those whose cached analysis vanished are analyzed in a worker of their own, so the
// server answers meanwhile; the views are refreshed at most once a second (when the editor's storage was cleared,
// thousands of articles come back one after another), and the workspace linked once the typing pauses.
let backgroundRefresh: NodeJS.Timeout | undefined;
let lastBackgroundRefresh = 0;
const backgroundProgress = new BackgroundProgress(() => connection.window.createWorkDoneProgress(), BACKGROUND_PROGRESS_DELAY_MS);
if (BUNDLED_MODEL_FILE) {
  workspace.analyzeLongInBackground(AnalysisPool.forLongArticles(__filename), {
    started: (uri) => {
      const document = documents.get(uri);
      const name = URI.parse(uri).path.split('/').pop();
      if (document) backgroundProgress.started(uri, `Analyzing ${name}`, `${document.getText().length.toLocaleString('en-US')} characters, in the background`);
    },
    settled: (uri) => {
      backgroundProgress.settled(uri);
      backgroundRefresh ??= setTimeout(() => {
        backgroundRefresh = undefined;
        lastBackgroundRefresh = Date.now();
        refreshViews();
        relinkSoon(); // not at once: while the editor types in a long article, each of its analyses lands
      }, Math.max(0, lastBackgroundRefresh + BACKGROUND_REFRESH_MS - Date.now()));
    },
  });
}
let folders: WorkspaceFolder[] = [];
let canReadConfiguration = false;
let canRefreshInlayHints = false;
let indexing: Promise<void> = Promise.resolve();
let indexGeneration = 0;

// A stray rejected promise must never take the server down: the editor would lose every feature at once.
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${(reason as Error)?.stack ?? reason}`));

/** Worker threads for indexing; none when the entity model is missing (the workers could not tag either). */
function analysisPool(): AnalysisPool | null {
  // This bundle is also the workers' script (serverMain.ts).
  return entityModel.error || !BUNDLED_MODEL_FILE ? null : new AnalysisPool(__filename);
}

/** Requests to the client whose answer does not matter (refreshes, messages): a client that refuses is no error. */
function tell(request: Promise<unknown>): void {
  request.catch((error) => connection.console.log(`Client declined: ${(error as Error).message}`));
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
    .filter((f) => URI.parse(f.uri).scheme === 'file')
    .map((f) => ({ uri: f.uri, path: URI.parse(f.uri).fsPath }));
  canReadConfiguration = !!params.capabilities.workspace?.configuration;
  canRefreshInlayHints = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
  workspace.configure(folders, parseSettings(params.initializationOptions?.settings));
  const cacheDir: unknown = params.initializationOptions?.cacheDir;
  // Without a model the analyses differ from those of a working install: nothing is read from or kept in the cache.
  if (typeof cacheDir === 'string' && cacheDir && BUNDLED_MODEL_FILE && ATTRIBUTION_MODEL_FILE) {
    workspace.useCache(cacheDir, analyzerVersion([__filename, BUNDLED_MODEL_FILE, ATTRIBUTION_MODEL_FILE]));
  }
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      referencesProvider: true,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', ANNOTATE_KIND] },
      executeCommandProvider: {
        commands: [
          SET_CLAIM_STATUS_COMMAND,
          EXPORT_COMMAND,
          STORE_ARTICLE_DATE_COMMAND,
          ANNOTATE_COMMAND,
          UNDO_COMMAND,
          REDO_COMMAND,
          LINK_CANDIDATES_COMMAND,
          IMPORT_COMMAND,
          AUTHORS_COMMAND,
        ],
      },
      inlayHintProvider: true,
      semanticTokensProvider: { legend: LEGEND, full: true, range: true },
      diagnosticProvider: { identifier: 'news-annotator', interFileDependencies: true, workspaceDiagnostics: true },
    },
    serverInfo: { name: 'news-annotator' },
  };
});

connection.onInitialized(() => {
  if (canReadConfiguration) tell(connection.client.register(DidChangeConfigurationNotification.type, { section: 'newsAnnotator' }));
  // Without it attribution comes from the rules alone (attributionModel.ts): fewer sources found, more claims flagged.
  if (!ATTRIBUTION_MODEL_FILE) {
    const message =
      'News Annotator: the attribution model models/attribution.model.json is missing: sources are found by rules alone, so fewer are found and more claims are flagged. Reinstall the extension.';
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
  }
  reindex();
});

connection.onDidChangeConfiguration(() => reindex());

// The pack that the prune after an index writes is what makes the next start quick: a shutdown waits for it.
connection.onShutdown(() => workspace.cacheWritten());

async function readSettings() {
  if (!canReadConfiguration) return workspace.currentSettings;
  return parseSettings(await connection.workspace.getConfiguration('newsAnnotator'));
}

/** (Re)reads settings and every article on disk; a newer call supersedes a running one. */
function reindex(): void {
  const generation = ++indexGeneration;
  indexing = indexing.then(async () => {
    if (generation !== indexGeneration) return;
    // Requests meanwhile are answered from the last link: linking all indexed so far would keep each waiting.
    workspace.index.answerFromLastLink = true;
    // Asked for first and awaited after the scan: git's process and the client's answer need not wait for each other.
    const gitAuthor = gitUserName(folders[0]?.path);
    workspace.configure(folders, await readSettings());
    const progressCreated = connection.window.createWorkDoneProgress();
    workspace.touchAll();
    const files = workspace.scan();
    workspace.setGitAuthor(await gitAuthor);
    const progress = await progressCreated;
    progress.begin('Indexing articles', 0, `0 of ${files.length}`, false);
    const kept = new Set<string>();
    const pool = analysisPool();
    const running = new Set<Promise<void>>();
    let done = 0;
    let batchStart = Date.now();
    const report = () => progress.report(Math.round((done / files.length) * 100), `${done} of ${files.length}`);
    // An analysis that throws (a damaged install) ends indexing: its progress must not spin on, nor its workers stay.
    try {
      for (const file of files) {
        if (generation !== indexGeneration) break;
        // A model that fails to load (in a worker, then here) makes the workers useless: the rest is analyzed here.
        const loading = (pool && !entityModel.error ? workspace.loadFromDiskIn(file, pool) : Promise.resolve(workspace.loadFromDisk(file))).then((ok) => {
          if (ok) kept.add(workspace.uriOf(file));
          done++;
          running.delete(loading);
        });
        running.add(loading);
        // A few articles queued per worker keep them busy; reading far ahead would only hold texts in memory.
        if (running.size >= QUEUED_PER_WORKER * (pool?.size ?? 1)) await Promise.race(running);
        if (Date.now() - batchStart >= BATCH_MILLISECONDS) {
          report();
          await new Promise((resolve) => setImmediate(resolve)); // let requests in between batches
          batchStart = Date.now();
        }
      }
      await Promise.all(running);
    } finally {
      workspace.endIndexing();
      void pool?.close(); // the workers' memory goes back until the next indexing
      progress.done();
    }
    workspace.index.answerFromLastLink = false;
    if (generation !== indexGeneration) return;
    workspace.prune(kept);
    for (const [file, reason] of workspace.skipped) connection.console.warn(`Skipped ${file}: ${reason}`);
    refreshViews();
    relinkInBackground(true); // so that the first hover or keystroke does not wait for it
    // After the refresh is sent: listing the cache's folders and writing its pack took an eighth of a reopen.
    setImmediate(() => void workspace.pruneCache());
  }).catch((error) => {
    workspace.index.answerFromLastLink = false;
    connection.console.error(`Indexing failed: ${(error as Error).stack ?? error}`);
  });
}

/** The relink in slices under way, if any. */
let relinking: Promise<void> | null = null;
/** While indexing, no relink starts before this time (performance.now()): see RELINK_SHARE_WHILE_INDEXING. */
let nextRelinkWhileIndexing = 0;

/**
 * Relinks the workspace in slices unless that is under way (`anew`: even then, for the articles as they are now), and
 * has diagnostics pulled again once it is done (after indexing: the editor pulls them when indexing ends). An edit
 * stops it where a link is there to answer from: slices between the requests of each keystroke slowed typing, and the
 * pause after it relinks anyway.
 */
function relinkInBackground(anew: boolean): void {
  if (!workspace.index.linkPending || (relinking && !anew)) return;
  const started = performance.now();
  const editsBefore = edits;
  const run = workspace.index.relinkInSlices(RELINK_SLICE_MS, () => edits !== editsBefore).then((linked) => {
    const ended = performance.now();
    nextRelinkWhileIndexing = ended + (ended - started) * (1 / RELINK_SHARE_WHILE_INDEXING - 1);
    // While indexing, links come as often as their share of the time allows and nobody is told of them: the open
    // articles' reports worked out after each would take from indexing what that share leaves it.
    if (!linked || workspace.index.answerFromLastLink) return;
    if (edits === editsBefore) prepareOpenEdits();
    tell(connection.languages.diagnostics.refresh());
  }).catch((error) => connection.console.error(`Linking the workspace failed: ${(error as Error).stack ?? error}`))
    .finally(() => {
      if (relinking === run) relinking = null;
    });
  relinking = run;
}

/**
 * Matches the open articles' names to the new link (WorkspaceIndex.prepareEdits), so the first keystroke after a link
 * re-matches only the names it changed. Their diagnostics need no such step: the editor pulls them on the refresh.
 */
function prepareOpenEdits(): void {
  workspace.fresh();
  for (const uri of documents.keys()) workspace.index.prepareEdits(uri);
}

/** After a cross-article answer while indexing: if it came from an out-of-date link, the next link includes more articles. */
function answeredFromLastLink<T>(answer: T): T {
  if (workspace.index.staleLinkUsed && workspace.index.answerFromLastLink && performance.now() >= nextRelinkWhileIndexing) relinkInBackground(false);
  return answer;
}

function refreshViews(): void {
  tell(connection.languages.diagnostics.refresh());
  tell(connection.languages.semanticTokens.refresh());
  if (canRefreshInlayHints) tell(connection.languages.inlayHint.refresh());
}

documents.onDidOpen((e) => workspace.updateOpen(e.document));
/** Edits of open documents so far: a relink in slices gives way to typing (see relinkInBackground). */
let edits = 0;
documents.onDidChangeContent((e) => {
  edits++;
  workspace.updateOpen(e.document);
  relinkSoon();
});

let relinkTimer: NodeJS.Timeout | undefined;
/** When the editor last changed a document or pulled its diagnostics. */
let lastEdit = 0;
/**
 * Diagnostics answer at once after a keystroke, from the previous cross-article link (see
 * WorkspaceIndex.relatedAttributedClaimsNow); the workspace is relinked once the typing pauses, and the reports made
 * meanwhile are pulled again. The pause is counted from the last answer too: an analysis slower than the delay must not
 * let a relink in before the next keystroke.
 */
function relinkSoon(): void {
  lastEdit = Date.now();
  clearTimeout(relinkTimer);
  relinkTimer = setTimeout(relinkIfPaused, RELINK_DELAY_MS);
}

function relinkIfPaused(): void {
  const waited = Date.now() - lastEdit;
  if (waited < RELINK_DELAY_MS) {
    relinkTimer = setTimeout(relinkIfPaused, RELINK_DELAY_MS - waited);
    return;
  }
  // A keystroke in a long article is still being analyzed: the typing has not paused (its end asks again).
  if (documents.keys().some((uri) => workspace.analyzingInBackground(uri))) return;
  workspace.fresh();
  relinkInBackground(true);
}
documents.onDidClose((e) => workspace.close(e.document.uri));

connection.onDidChangeWatchedFiles(({ changes }) => {
  let changed = false;
  for (const change of changes) {
    const filePath = URI.parse(change.uri).fsPath;
    const article = articlePathForDecisions(filePath);
    if (article) {
      changed = workspace.reloadDecisions(article) !== undefined || changed;
    } else if (change.type === FileChangeType.Deleted) {
      if (!workspace.isOpen(change.uri)) workspace.forget(change.uri);
      changed = true;
    } else if (workspace.isArticleFile(filePath)) {
      changed = workspace.loadFromDisk(filePath) || changed;
    }
  }
  if (changed) refreshViews();
});

connection.onHover(async (params) => {
  await workspace.analyzedSoon(params.textDocument.uri, BACKGROUND_WAIT_MS);
  return answeredFromLastLink(hover(workspace, params.textDocument.uri, params.position));
});
connection.onReferences((params) => answeredFromLastLink(references(workspace, params.textDocument.uri, params.position, params.context.includeDeclaration)));
connection.onDocumentSymbol((params) => documentSymbols(workspace, params.textDocument.uri));
connection.onWorkspaceSymbol((params) => answeredFromLastLink(workspaceSymbols(workspace, params.query)));
connection.onCodeAction((params) => [...codeActions(params), ...articleDateActions(workspace, params), ...annotationActions(workspace, params)]);
connection.languages.inlayHint.on(async (params) => {
  const article = await workspace.analyzedSoon(params.textDocument.uri, BACKGROUND_WAIT_MS);
  const document = workspace.document(params.textDocument.uri);
  if (!article || !document) return [];
  const dates = workspace.currentSettings.dateHints ? dateInlayHints(article, document, params.range) : [];
  return [...dates, ...claimStatusHints(workspace.claims(params.textDocument.uri), document, params.range)];
});

connection.languages.semanticTokens.on(async (params) => {
  const article = await workspace.analyzedSoon(params.textDocument.uri, BACKGROUND_WAIT_MS);
  const document = workspace.document(params.textDocument.uri);
  return article && document ? semanticTokens(article, document) : { data: [] };
});
connection.languages.semanticTokens.onRange(async (params) => {
  const article = await workspace.analyzedSoon(params.textDocument.uri, BACKGROUND_WAIT_MS);
  const document = workspace.document(params.textDocument.uri);
  return article && document ? semanticTokens(article, document, params.range) : { data: [] };
});

connection.languages.diagnostics.on(async (params) => {
  await workspace.analyzedSoon(params.textDocument.uri, BACKGROUND_WAIT_MS);
  workspace.fresh();
  const id = resultId(workspace, params.textDocument.uri);
  if (params.previousResultId === id) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: id };
  // Working out the items may finish a link under way that leaves this article's related claims provisional: the id after them.
  const report = await diagnosticsInSlices(workspace, params.textDocument.uri, RELINK_SLICE_MS);
  // Edited meanwhile: the editor drops this request and asks again for the edited text.
  if (!report) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the article changed', { retriggerRequest: true } satisfies DiagnosticServerCancellationData);
  if (workspace.index.linkPending) lastEdit = Date.now(); // the editor may be typing: see relinkSoon
  return { kind: DocumentDiagnosticReportKind.Full, ...report };
});

connection.languages.diagnostics.onWorkspace(async (params) => {
  await indexing; // a complete report, not a partial one mid-scan
  workspace.fresh();
  const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
  const items: WorkspaceDocumentDiagnosticReport[] = workspace.uris().map((uri) => {
    const version = workspace.isOpen(uri) ? workspace.document(uri)!.version : null;
    const id = resultId(workspace, uri);
    return previous.get(uri) === id
      ? { kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId: id }
      : { kind: DocumentDiagnosticReportKind.Full, uri, version, items: diagnosticsFor(workspace, uri), resultId: resultId(workspace, uri) };
  });
  return { items };
});

connection.onExecuteCommand(async (params) => {
  const args = params.arguments ?? [];
  if (params.command === SET_CLAIM_STATUS_COMMAND) {
    const [uri, start, end, status] = args as [string, number, number, ClaimStatus];
    if (!CLAIM_STATUSES.includes(status)) throw new ResponseError(1, `unknown claim status '${status}'`);
    const claim = workspace.claims(uri).find(({ claim: c }) => c.start === start && c.end === end);
    if (!claim) throw new ResponseError(1, 'That claim has changed since the problem was reported; try the quick fix again.');
    try {
      workspace.setClaimStatus(uri, { start, end }, status);
    } catch (error) {
      if (error instanceof UnsavedAnnotationsError) refreshViews();
      // A notification, not showErrorMessage: that one sends a request whose refusal would go unhandled.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `News Annotator: could not save the decision: ${(error as Error).message}` });
      return false;
    }
    refreshViews();
    return true;
  }
  if (params.command === STORE_ARTICLE_DATE_COMMAND) {
    const [uri, date] = args as [string, string | null];
    if (date !== null && !isCalendarDate(date)) throw new ResponseError(1, `not a date YYYY-MM-DD: '${date}'`);
    try {
      workspace.setArticleDate(uri, date);
    } catch (error) {
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `News Annotator: could not save the article's date: ${(error as Error).message}` });
      return false;
    }
    refreshViews();
    return true;
  }
  if (params.command === ANNOTATE_COMMAND || params.command === UNDO_COMMAND || params.command === REDO_COMMAND) {
    return runAnnotationCommand(params.command, args);
  }
  if (params.command === LINK_CANDIDATES_COMMAND) {
    const [uri, start, end] = args as [string, number, number];
    try {
      return linkCandidates(workspace, uri, start, end);
    } catch (error) {
      throw new ResponseError(1, (error as Error).message);
    }
  }
  if (params.command === EXPORT_COMMAND) {
    await indexing;
    const [uris, format = 'json', authors] = args as [string[] | null | undefined, ExportFormat | undefined, string[] | null | undefined];
    if (!EXPORT_FORMATS.includes(format)) throw new ResponseError(1, `unknown format '${format}'`);
    const index = workspace.fresh();
    return exportFor(index, uris?.filter((u) => index.has(u)), format, authors ?? undefined);
  }
  if (params.command === AUTHORS_COMMAND) {
    await indexing;
    return annotationAuthors(workspace);
  }
  if (params.command === IMPORT_COMMAND) {
    await indexing;
    try {
      const done = importInto(workspace, args[0] as ImportRequest);
      refreshViews();
      return done;
    } catch (error) {
      refreshViews(); // articles imported before the failure changed
      if (error instanceof ImportError) throw new ResponseError(1, error.message);
      throw new ResponseError(1, `the import stopped: ${(error as Error).message}`);
    }
  }
  throw new ResponseError(1, `unknown command '${params.command}'`);
});

/**
 * Applies an annotation, or undoes or redoes one, and answers with what was done (null: nothing to undo). A request
 * that cannot apply is an error response; a save that fails is a message, and nothing changes.
 */
function runAnnotationCommand(command: string, args: unknown[]): string | null | false {
  try {
    const done = command === ANNOTATE_COMMAND ? applyAnnotation(workspace, args[0] as AnnotationRequest) : stepHistory(workspace, command === UNDO_COMMAND ? 'undo' : 'redo');
    if (command !== ANNOTATE_COMMAND) {
      const message = done ?? `Nothing to ${command === UNDO_COMMAND ? 'undo' : 'redo'} in the annotations.`;
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `News Annotator: ${message}` });
    }
    if (done) refreshViews();
    return done;
  } catch (error) {
    if (error instanceof AnnotationRequestError) throw new ResponseError(1, error.message);
    if (error instanceof UnsavedAnnotationsError) refreshViews();
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `News Annotator: the annotation was not saved: ${(error as Error).message}` });
    return false;
  }
}

// Annotations whose save failed stay in memory and are saved again until it works; the editor hears when it does.
setInterval(() => {
  if (!workspace.unsavedArticles.length) return;
  const saved = workspace.retryUnsaved();
  if (saved.length) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `News Annotator: the annotations are saved now (${saved.map((p) => URI.file(p).path.split('/').pop()).join(', ')}).` });
}, SAVE_RETRY_MS).unref();

documents.listen(connection);
connection.listen();
