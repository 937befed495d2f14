import Database from 'better-sqlite3';

/** Where the embedded log stands: its last global position. */
export function logHead(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COALESCE(MAX(global_position), 0) AS head FROM events').get() as { head: number }).head;
  } finally {
    db.close();
  }
}

/**
 * Group commits of the embedded store between two head positions, counted
 * from the log itself: every event of one commit carries the commit's
 * recorded_at (a millisecond), so distinct values are commits, one fsync each
 * (two commits in the same millisecond count once, so this can only undercount).
 */
export function commitsInLog(path: string, after: number, upTo: number): { commits: number; events: number } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT COUNT(DISTINCT recorded_at) AS commits, COUNT(*) AS events FROM events WHERE global_position > ? AND global_position <= ?')
      .get(after, upTo) as { commits: number; events: number };
  } finally {
    db.close();
  }
}
