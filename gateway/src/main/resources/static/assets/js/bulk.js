// Many ledger writes from one submission (an allocation to each of many villages): each its own request with its own
// Idempotency-Key, a few at a time, with progress as they answer. The keys are derived from the submission's key
// (bindForm's), so sending the same unchanged submission again answers each write with its first answer.
import { ApiError } from './api.js';

/**
 * Runs send(row, idempotencyKey) for every row, at most `parallel` at once, and returns one result per row, in the
 * rows' order: {row, key, ok: true, answer} or {row, key, ok: false, error} (an ApiError). progress(done, total,
 * result) is called after each answer.
 */
export async function sendEach(rows, { submissionKey, keyOf, send, parallel = 3, progress = () => {} }) {
  const results = new Array(rows.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < rows.length) {
      const index = next;
      next += 1;
      const row = rows[index];
      const key = row.key ?? `${submissionKey}-${keyOf(row)}`.slice(0, 200);
      let result;
      try {
        result = { row, key, ok: true, answer: await send(row, key) };
      } catch (error) {
        if (!(error instanceof ApiError)) {
          throw error;
        }
        result = { row, key, ok: false, error };
      }
      results[index] = result;
      done += 1;
      progress(done, rows.length, result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, rows.length) }, worker));
  return results;
}

/**
 * Reads a CSV of `villageCode,amount[,note]` lines (an optional header line naming the columns; RFC 4180 quotes for a
 * note with commas). Returns {rows: [{line, villageCode, amount, note}], problems: [{line, problem, text}]}, where
 * problem is one of "columns", "code", "amount", "duplicate"; amounts are parsed by parseAmount (null when wrong).
 */
export function parseAllocationCsv(text, parseAmount) {
  const rows = [];
  const problems = [];
  const seen = new Map();
  const lines = String(text ?? '').replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') {
      return;
    }
    const cells = splitCsvLine(raw);
    if (index === 0 && /^\s*(village_?code|kode)/i.test(cells[0] ?? '')) {
      return;
    }
    if (cells.length < 2 || cells.length > 3) {
      problems.push({ line, problem: 'columns', text: raw });
      return;
    }
    const villageCode = cells[0].trim();
    const amount = parseAmount(cells[1].trim());
    if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(villageCode)) {
      problems.push({ line, problem: 'code', text: raw });
      return;
    }
    if (amount === null || amount < 1) {
      problems.push({ line, problem: 'amount', text: raw });
      return;
    }
    if (seen.has(villageCode)) {
      problems.push({ line, problem: 'duplicate', text: raw, first: seen.get(villageCode) });
      return;
    }
    seen.set(villageCode, line);
    rows.push({ line, villageCode, amount, note: (cells[2] ?? '').trim() });
  });
  return { rows, problems };
}

function splitCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',' || c === ';') {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell);
  return cells;
}
