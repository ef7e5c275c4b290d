// Finds and reads article files for the command line: explicit files, and folders walked for article files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeArticle } from './text';

export const ARTICLE_EXTENSIONS = ['.txt', '.article', '.news'];
/** A brat collection's configuration: the `.txt` files under its folder are copies made for brat, not articles. */
export const BRAT_CONF = 'annotation.conf';

/** Whether a path (relative, `/`-separated) lies under one of the folders (relative, `/`-separated, '' for the root). */
export function underBratCollection(relative: string, collections: ReadonlySet<string>): boolean {
  for (let folder = path.posix.dirname(relative); ; folder = path.posix.dirname(folder)) {
    if (collections.has(folder === '.' ? '' : folder)) return true;
    if (folder === '.' || folder === '/' || folder === '') return false;
  }
}

/** The folders, among relative paths listed, that hold a brat collection's annotation.conf. */
export function bratCollections(relativePaths: readonly string[]): Set<string> {
  const folders = relativePaths.filter((p) => path.posix.basename(p) === BRAT_CONF).map((p) => path.posix.dirname(p));
  return new Set(folders.map((f) => (f === '.' ? '' : f)));
}

export interface ArticleFile {
  /** Absolute path. */
  file: string;
  /** The path as given, or relative to the folder given. */
  displayPath: string;
  text: string;
}

export class ArticleFileError extends Error {}

/** Resolves command-line paths to decoded articles; unreadable explicit files are errors, unreadable ones in folders warnings. */
export function readArticleFiles(paths: readonly string[], warn: (message: string) => void, maxBytes = Infinity): ArticleFile[] {
  const result: ArticleFile[] = [];
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      throw new ArticleFileError(`cannot read ${given}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      const entries = (fs.readdirSync(given, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/'));
      const collections = bratCollections(entries);
      const files = entries.filter((f) => ARTICLE_EXTENSIONS.includes(path.extname(f).toLowerCase()) && !underBratCollection(f, collections)).sort();
      for (const relative of files) {
        const file = path.join(given, relative);
        let bytes: Buffer;
        try {
          if (!fs.statSync(file).isFile()) continue;
          bytes = fs.readFileSync(file);
        } catch (error) {
          // A dangling link or a file without read permission is one article less, not the end of the run.
          warn(`skipped ${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'read error'})`);
          continue;
        }
        const decoded = decodeArticle(bytes, maxBytes);
        if (decoded.ok) result.push({ file: path.resolve(file), displayPath: relative, text: decoded.text });
        else warn(`skipped ${file}: ${decoded.reason}`);
      }
    } else {
      const decoded = decodeArticle(readFile(given), maxBytes);
      if (!decoded.ok) throw new ArticleFileError(`cannot read ${given}: ${decoded.reason}`);
      result.push({ file: path.resolve(given), displayPath: given, text: decoded.text });
    }
  }
  return result;
}

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new ArticleFileError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'read error'}`);
  }
}
