import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cachingStatements } from '../../src/store/database.ts';

describe('the SQLite statement cache', () => {
  const sqlite = new SqliteDatabase(':memory:');
  afterEach(() => sqlite.exec('drop table if exists t'));

  it('prepares each SQL text once and gives the same statement back', () => {
    const db = cachingStatements(sqlite, 3);
    expect(db.prepare('select 1 as one')).toBe(db.prepare('select 1 as one'));
    expect(db.prepare('select 1 as one').all([])).toEqual([{ one: 1 }]);
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const db = cachingStatements(sqlite, 2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a); // a is now the most recent
    db.prepare('select 3'); // evicts b
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
  });

  it('hands out a fresh statement while the cached one is still iterating', () => {
    sqlite.exec('create table t (n integer); insert into t values (1), (2)');
    const db = cachingStatements(sqlite);
    const iterator = db.prepare('select n from t order by n').iterate([]);
    expect(iterator.next().value).toEqual({ n: 1 });
    expect(db.prepare('select n from t order by n').all([])).toEqual([{ n: 1 }, { n: 2 }]);
    expect(iterator.next().value).toEqual({ n: 2 });
    iterator.return?.();
  });

  it('sees schema changes made after a statement was cached', () => {
    sqlite.exec('create table t (n integer)');
    const db = cachingStatements(sqlite);
    expect(db.prepare('select * from t').all([])).toEqual([]);
    sqlite.exec('alter table t add column m integer; insert into t values (1, 2)');
    expect(db.prepare('select * from t').all([])).toEqual([{ n: 1, m: 2 }]);
  });
});
