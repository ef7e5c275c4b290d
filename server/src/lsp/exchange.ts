// Export and import from the editor: the command line's formats, over the workspace's articles as the editor has them.
import { bratStem, exportBrat } from '../exportBrat';
import { exportConll } from '../exportConll';
import { exportJson } from '../exportJson';
import { exportW3c } from '../exportW3c';
import { importBrat } from '../importBrat';
import { importW3c } from '../importW3c';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { ArticleWorkspace } from './articleWorkspace';

/** Server command: [uris or null for all, format, authors or null]. */
export const EXPORT_COMMAND = 'newsAnnotator.exportJson';
/** Server command: [ImportRequest]; the client's "Import Annotations..." reads the files and sends them. */
export const IMPORT_COMMAND = 'newsAnnotator.importInto';
/** Server command: the authors of annotations in the workspace, for "export only ...". */
export const AUTHORS_COMMAND = 'newsAnnotator.annotationAuthors';

export type ExportFormat = 'json' | 'w3c' | 'brat' | 'conll';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'w3c', 'brat', 'conll'];

export type ImportRequest = { format: 'w3c'; data: unknown } | { format: 'brat'; files: BratFiles[] };

export interface BratFiles {
  /** The `.ann` file's path within the folder chosen (or its name, for one file). */
  path: string;
  ann: string;
  /** The `.txt` beside it, when there is one: the text its offsets count in. */
  txt?: string;
}

/** JSON and W3C as documents, CoNLL as `{text}`, brat as `{files}` (paths within the folder to write). */
export function exportFor(index: WorkspaceIndex, ids: readonly string[] | undefined, format: ExportFormat, authors?: readonly string[]): unknown {
  const options = { authors };
  switch (format) {
    case 'w3c':
      return exportW3c(index, ids, options);
    case 'brat':
      return { files: exportBrat(index, ids, options) };
    case 'conll':
      return { text: exportConll(index, ids, options) };
    default:
      return exportJson(index, ids, options);
  }
}

export function annotationAuthors(workspace: ArticleWorkspace): string[] {
  const authors = new Set<string>();
  for (const uri of workspace.uris()) {
    const file = workspace.decisionFile(uri);
    for (const a of file?.annotations ?? []) authors.add(a.author);
    if (file?.articleDate) authors.add(file.articleDate.author);
  }
  return [...authors].sort();
}

/** Imports into the workspace's articles, one undo step per article; returns what was done, as a sentence. */
export function importInto(workspace: ArticleWorkspace, request: ImportRequest): string {
  const index = workspace.fresh();
  const articles = index.all();
  const now = new Date();
  let imported = 0;
  let changed = 0;
  const skipped: string[] = [];
  if (request.format === 'w3c') {
    const targets = articles.flatMap((a) => {
      const file = workspace.decisionFile(a.id);
      return file ? [{ path: a.displayPath, text: a.text, file }] : [];
    });
    const result = importW3c(request.data, targets, workspace.author, now);
    for (const article of articles) {
      const file = result.files.get(article.displayPath);
      if (!file) continue;
      workspace.annotate(article.id, `Import into ${article.displayPath}`, () => file);
      changed++;
    }
    imported = result.imported;
    skipped.push(...result.skipped);
  } else {
    for (const brat of request.files) {
      const stem = brat.path.replace(/\.ann$/, '');
      const matches = articles.filter((a) => bratStem(a.displayPath) === stem || bratStem(a.displayPath).endsWith(`/${stem}`) || stem.endsWith(`/${bratStem(a.displayPath)}`));
      if (matches.length !== 1) {
        skipped.push(`${brat.path}: ${matches.length ? 'several articles' : 'no article'} of that name`);
        continue;
      }
      const [article] = matches;
      workspace.annotate(article.id, `Import into ${article.displayPath}`, (file, current, author) => {
        const result = importBrat(brat.ann, current, file, author, now, brat.txt);
        imported += result.imported;
        skipped.push(...result.skipped.map((s) => `${brat.path}: ${s}`));
        return result.file;
      });
      changed++;
    }
  }
  const summary = `Imported ${imported} annotation${imported === 1 ? '' : 's'} into ${changed} article${changed === 1 ? '' : 's'}`;
  return skipped.length ? `${summary}; ${skipped.length} not imported (${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? '; ...' : ''})` : summary;
}
