/**
 * The source files the tool reads, by extension: one table for finding them in a folder, naming
 * their documents and choosing which rendition keeps the plain id. (Four lists of them had drifted:
 * a folder's `.md`, `.odt` and `.rtf` files were passed over.)
 */

/** Every extension read, in the order a rendition keeps the plain id (`x.pdf` before `x.docx`). */
export const SOURCE_EXTENSION_LIST: readonly string[] = ['pdf', 'ofd', 'docx', 'doc', 'wps', 'xml', 'odt', 'rtf', 'html', 'htm', 'mht', 'mhtml', 'webarchive', 'eml', 'enex', 'xlsx', 'xls', 'et', 'ods', 'pptx', 'ppt', 'dps', 'msg', 'odp', 'xps', 'oxps', 'uot', 'uof', 'epub', 'xmind', 'zip', 'csv', 'tsv', 'sql', 'jsonl', 'ndjson', 'md', 'markdown', 'txt', 'text', 'png', 'jpg', 'jpeg', 'tif', 'tiff'];

/** Formats the loader can be told to read (`--format`). */
export const INPUT_FORMATS = ['txt', 'pdf', 'html', 'docx', 'doc', 'rtf', 'odt', 'ods', 'odp', 'xlsx', 'xls', 'ofd', 'xps', 'uof', 'csv', 'pptx', 'epub', 'xmind', 'zip', 'image'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/**
 * Extensions that are also the name of a report or a table the tool writes (`x.md`, `export`'s
 * `all.xlsx` and `all.csv`): never taken from a folder outputs may share (export, diff, history).
 */
const REPORT_NAMES: ReadonlySet<string> = new Set(['md', 'markdown', 'xlsx', 'csv', 'tsv']);
/**
 * Another spelling of an extension above (`.htm` for `.html`): not named again to a person. (Nor a
 * note-taking app's export, `.enex`, nor an XML file, `.xml`, a Word file saved as XML or a feed:
 * read from a folder, left out of the list a person reads.)
 */
const ALIASES: ReadonlySet<string> = new Set(['enex', 'webarchive', 'xml', 'htm', 'mhtml', 'markdown', 'text', 'tsv', 'jpeg', 'tiff', 'oxps', 'uof', 'ndjson', 'dps']);

const ending = (exts: readonly string[]): RegExp => new RegExp(`\\.(${exts.join('|')})$`, 'i');

/** Sources ingested when a folder is given. */
export const SOURCE_EXTENSIONS = ending(SOURCE_EXTENSION_LIST);
/** Sources and extracted JSON, exported (or diffed, followed in history) when a folder is given. */
export const EXPORT_EXTENSIONS = ending([...SOURCE_EXTENSION_LIST.filter((x) => !REPORT_NAMES.has(x)), 'json']);
/** What an id drops from a file name: a source's extension, or an output's `.json`. */
export const ID_EXTENSIONS = ending([...SOURCE_EXTENSION_LIST, 'json']);

/** The extensions a folder is searched for, as a person reads them (`.pdf`, `.docx`, …), JSON too where it is taken. */
export function extensionsShown(withJson: boolean): string[] {
  const shown = SOURCE_EXTENSION_LIST.filter((x) => !ALIASES.has(x) && (!withJson || !REPORT_NAMES.has(x))).map((x) => `.${x}`);
  return withJson ? [...shown, '.json'] : shown;
}
