/**
 * A streaming CSV reader for imports (RFC 4180): comma-separated fields, `"`-quoted where needed with
 * `""` for a quote, CRLF or LF line endings, an optional UTF-8 byte-order mark, rows of any length.
 * It reads what csv-parse reads with `{ bom: true, relax_column_count: true }` and refuses what it
 * refuses (a quote inside an unquoted field, text after a closing quote, a quote never closed), at
 * several times its speed: an import's rows are split here, on the import's reading thread, and the
 * time saved is most of what reading a file cost.
 *
 * Feed text with `push` in pieces of any size (a quoted field may span pieces and lines), then call
 * `end`. Each complete record is handed over with the line it starts on (the first line is 1; a quoted
 * value spanning lines moves the next record's line on accordingly). A blank line is a record of one
 * empty field, as in csv-parse.
 */

/** Text that is not CSV; `line` is where reading stopped. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

// Where the reader is (numbers rather than an enum: the loop below runs once per character).
/** At the start of a field. */
const FieldStart = 0;
/** Inside an unquoted field. */
const Unquoted = 1;
/** Inside a quoted field. */
const Quoted = 2;
/** Just after a quote inside a quoted field: the closing quote, or the first of `""`. */
const QuoteInQuoted = 3;
/** After a closing quote and a carriage return: only a line feed may follow. */
const ClosedCr = 4;

export class CsvRecordReader {
  private record: string[] = [];
  /** The current field's text carried over from earlier pieces (and the unescaped parts of a quoted field). */
  private field = '';
  private state: number = FieldStart;
  private line = 1;
  private recordLine = 1;
  private started = false;

  /** Reads a piece of text, handing over every record it completes. */
  push(text: string, each: (record: string[], line: number) => void): void {
    let i = 0;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    const length = text.length;
    let start = i;
    let state = this.state;
    for (; i < length; i += 1) {
      const c = text.charCodeAt(i);
      if (state === FieldStart) {
        if (c === QUOTE) {
          state = Quoted;
          start = i + 1;
          continue;
        }
        // Any other character belongs to an unquoted field.
        start = i;
        state = Unquoted;
      }
      switch (state) {
        case Unquoted:
          if (c === COMMA) {
            this.record.push(this.field === '' ? text.slice(start, i) : this.field + text.slice(start, i));
            this.field = '';
            state = FieldStart;
          } else if (c === LF) {
            let value = this.field === '' ? text.slice(start, i) : this.field + text.slice(start, i);
            if (value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
            this.record.push(value);
            this.field = '';
            state = FieldStart;
            this.endRecord(each);
          } else if (c === QUOTE) {
            throw new CsvSyntaxError(
              this.line,
              `Invalid Opening Quote: a quote is found in field ${this.record.length + 1} at line ${this.line}, whose value does not start with a quote`,
            );
          }
          break;
        case Quoted:
          if (c === QUOTE) {
            this.field += text.slice(start, i);
            state = QuoteInQuoted;
          } else if (c === LF) this.line += 1;
          break;
        case QuoteInQuoted:
          if (c === QUOTE) {
            // `""`: one quote, and the field goes on.
            this.field += '"';
            start = i + 1;
            state = Quoted;
          } else if (c === COMMA) {
            this.record.push(this.field);
            this.field = '';
            state = FieldStart;
          } else if (c === LF) {
            this.record.push(this.field);
            this.field = '';
            state = FieldStart;
            this.endRecord(each);
          } else if (c === CR) state = ClosedCr;
          else throw this.closingQuoteError(c);
          break;
        case ClosedCr:
          if (c !== LF) throw this.closingQuoteError(c);
          this.record.push(this.field);
          this.field = '';
          state = FieldStart;
          this.endRecord(each);
          break;
      }
    }
    if (state === Unquoted || state === Quoted) this.field += text.slice(start, length);
    this.state = state;
  }

  /** Ends the text: hands over a last record without a line ending; refuses a quote never closed. */
  end(each: (record: string[], line: number) => void): void {
    switch (this.state) {
      case Quoted:
        throw new CsvSyntaxError(
          this.line,
          `Quote Not Closed: the file ends inside the quoted value that starts at line ${this.recordLine}`,
        );
      case Unquoted: {
        const value = this.field.charCodeAt(this.field.length - 1) === CR ? this.field.slice(0, -1) : this.field;
        this.record.push(value);
        break;
      }
      case QuoteInQuoted:
      case ClosedCr:
        this.record.push(this.field);
        break;
      case FieldStart:
        // After a comma the record has one more, empty, field; after a line ending there is no record.
        if (this.record.length > 0) this.record.push('');
        break;
    }
    this.field = '';
    this.state = FieldStart;
    if (this.record.length > 0) this.endRecord(each);
  }

  private endRecord(each: (record: string[], line: number) => void): void {
    const record = this.record;
    const line = this.recordLine;
    this.record = [];
    this.line += 1;
    this.recordLine = this.line;
    each(record, line);
  }

  private closingQuoteError(c: number): CsvSyntaxError {
    return new CsvSyntaxError(
      this.line,
      `Invalid Closing Quote: found ${JSON.stringify(String.fromCharCode(c))} at line ${this.line} after the closing quote of field ${this.record.length + 1}, instead of a comma or a line ending`,
    );
  }
}
