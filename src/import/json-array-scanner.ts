/**
 * An incremental scanner for a large JSON object whose interesting part is one array of objects under a top-level
 * key (`{"Records": [ {…}, {…} ]}` or `{"Events": […]}`). Text arrives in chunks; each complete element comes out as
 * its own JSON text, so only one element (plus one chunk) is held at a time whatever the file's size. Strings are
 * skipped with indexOf, so the cost per byte stays low.
 */

const QUOTE = 34, BACKSLASH = 92, LBRACE = 123, RBRACE = 125, LBRACKET = 91, RBRACKET = 93, COLON = 58, COMMA = 44;

/** Where the scan stands at the end of the input. */
export interface ScanEnd {
  /** True when the top-level value closed. */
  readonly complete: boolean;
  /** True when the target array was found. */
  readonly foundArray: boolean;
  /** True when the input ended inside an element (a truncated file). */
  readonly insideElement: boolean;
}

/** Scans the array under any of `keys`; `feed` returns the element texts completed by a chunk. */
export class JsonArrayScanner {
  private buf = '';
  private pos = 0;
  private depth = 0;
  private inString = false;
  private strStart = -1;
  private lastString: string | null = null;
  private pendingKey: string | null = null;
  private inArray = false;
  private foundArray = false;
  private elemStart = -1;
  private closed = false;

  /** `keys`: the top-level keys whose array value holds the elements. */
  constructor(private readonly keys: ReadonlySet<string>) {}

  /** Consumes a chunk and returns the elements it completed. */
  feed(chunk: string): string[] {
    const out: string[] = [];
    this.buf = this.pos === 0 && this.buf === '' ? chunk : this.buf + chunk;
    const buf = this.buf;
    const n = buf.length;
    let i = this.inString ? this.strStart : this.pos;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c === QUOTE) {
        let j = buf.indexOf('"', i + 1);
        while (j !== -1) {
          let b = 0;
          for (let k = j - 1; k > i && buf.charCodeAt(k) === BACKSLASH; k--) b++;
          if ((b & 1) === 0) break;
          j = buf.indexOf('"', j + 1);
        }
        if (j === -1) {
          this.inString = true;
          this.strStart = i;
          i = n;
          break;
        }
        this.inString = false;
        if (this.depth === 1) this.lastString = buf.slice(i + 1, j);
        i = j + 1;
        continue;
      }
      if (c === LBRACE || c === LBRACKET) {
        if (this.inArray && this.depth === 2 && c === LBRACE) this.elemStart = i;
        if (this.depth === 1 && c === LBRACKET && this.pendingKey !== null && this.keys.has(this.pendingKey)) {
          this.inArray = true;
          this.foundArray = true;
        }
        this.depth++;
      } else if (c === RBRACE || c === RBRACKET) {
        this.depth--;
        if (this.inArray && this.depth === 2 && c === RBRACE && this.elemStart >= 0) {
          out.push(buf.slice(this.elemStart, i + 1));
          this.elemStart = -1;
        } else if (this.inArray && this.depth === 1) {
          this.inArray = false;
        } else if (this.depth === 0) {
          this.closed = true;
        }
      } else if (this.depth === 1 && c === COLON) {
        this.pendingKey = this.lastString;
      } else if (this.depth === 1 && c === COMMA) {
        this.pendingKey = null;
      }
      i++;
    }
    let keep = n;
    if (this.elemStart >= 0) keep = this.elemStart;
    if (this.inString && this.strStart < keep) keep = this.strStart;
    this.buf = buf.slice(keep);
    if (this.elemStart >= 0) this.elemStart -= keep;
    if (this.inString) this.strStart -= keep;
    this.pos = this.buf.length;
    if (this.buf === '') this.pos = 0;
    return out;
  }

  /** How the input ended. */
  end(): ScanEnd {
    return { complete: this.closed, foundArray: this.foundArray, insideElement: this.elemStart >= 0 || (this.inString && this.inArray) };
  }
}
