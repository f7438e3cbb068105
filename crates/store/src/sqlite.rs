//! A store in one SQLite file (WAL journal, one transaction per batch,
//! cached prepared statements).

use std::path::{Path, PathBuf};

use corroborate_model::{Analysis, Removed, Report, ReportMeta, Skipped};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::{
    codec, ContentHash, Counts, Extracted, Store, StoreError, StoredAnalysis, StoredAnnotated,
    StoredReport,
};

/// The database layout this program reads and writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: u32 = 1;

const SCHEMA: &str = "
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE reports (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    hash BLOB NOT NULL UNIQUE,
    source TEXT NOT NULL,
    meta TEXT NOT NULL,
    text TEXT NOT NULL,
    removed TEXT NOT NULL
);
CREATE INDEX reports_source ON reports (source);
CREATE TABLE annotations (
    hash BLOB NOT NULL,
    version TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (hash, version)
);
CREATE TABLE skipped (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL UNIQUE,
    reason TEXT NOT NULL
);
CREATE TABLE analysis (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    revision INTEGER NOT NULL,
    report_count INTEGER NOT NULL,
    data BLOB NOT NULL
);
INSERT INTO counters (name, value) VALUES ('revision', 0);
";

const REPORT_COLUMNS: &str = "seq, hash, meta, text, removed";

/// A workspace database on disk.
pub struct SqliteStore {
    connection: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish()
    }
}

impl SqliteStore {
    /// Opens the database at `path`, creating it (and its tables) when
    /// missing. Fails with [`StoreError::NotADatabase`] or
    /// [`StoreError::IncompatibleSchema`] on a file it cannot use.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let connection = Connection::open(path)?;
        let mut store = SqliteStore {
            connection,
            path: path.to_path_buf(),
        };
        store.prepare().map_err(|err| store.explain(err))?;
        Ok(store)
    }

    /// Sets the journal mode and creates or checks the schema.
    fn prepare(&mut self) -> Result<(), StoreError> {
        // A file system without shared memory keeps the rollback journal:
        // slower with concurrent readers, still correct.
        let _journal: String =
            self.connection
                .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        self.connection
            .pragma_update(None, "synchronous", "NORMAL")?;
        self.connection
            .busy_timeout(std::time::Duration::from_secs(5))?;
        let version: u32 = self
            .connection
            .query_row("PRAGMA user_version", [], |row| row.get(0))?;
        let tables: u64 = self.connection.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |row| row.get(0),
        )?;
        match (version, tables) {
            (0, 0) => {
                let transaction = self.connection.transaction()?;
                transaction.execute_batch(SCHEMA)?;
                transaction.pragma_update(None, "user_version", SCHEMA_VERSION)?;
                transaction.commit()?;
                Ok(())
            }
            (SCHEMA_VERSION, _) => Ok(()),
            (found, _) => Err(StoreError::IncompatibleSchema {
                path: self.path.display().to_string(),
                found: if found == 0 {
                    "none (another program's database)".to_string()
                } else {
                    found.to_string()
                },
                expected: SCHEMA_VERSION,
            }),
        }
    }

    /// Names the file when SQLite says it is not a database.
    fn explain(&self, err: StoreError) -> StoreError {
        match err {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(failure, _))
                if failure.code == rusqlite::ErrorCode::NotADatabase =>
            {
                StoreError::NotADatabase {
                    path: self.path.display().to_string(),
                }
            }
            other => other,
        }
    }
}

/// A report row before its JSON columns are decoded.
struct RawReport {
    seq: u64,
    hash: Vec<u8>,
    meta: String,
    text: String,
    removed: String,
}

fn raw_report(row: &Row<'_>) -> rusqlite::Result<RawReport> {
    Ok(RawReport {
        seq: row.get(0)?,
        hash: row.get(1)?,
        meta: row.get(2)?,
        text: row.get(3)?,
        removed: row.get(4)?,
    })
}

impl RawReport {
    fn decode(self) -> Result<StoredReport, StoreError> {
        let meta: ReportMeta = codec::from_json(&self.meta)?;
        let removed: Vec<Removed> = codec::from_json(&self.removed)?;
        Ok(StoredReport {
            seq: self.seq,
            hash: hash_from_bytes(&self.hash)?,
            report: Report {
                meta,
                text: self.text,
                removed,
            },
        })
    }
}

fn hash_from_bytes(bytes: &[u8]) -> Result<ContentHash, StoreError> {
    bytes
        .try_into()
        .map(ContentHash)
        .map_err(|_| StoreError::Codec(format!("a content hash of {} bytes", bytes.len())))
}

impl Store for SqliteStore {
    fn put_reports(&mut self, reports: &[(ContentHash, &Report)]) -> Result<(), StoreError> {
        let transaction = self.connection.transaction()?;
        {
            let mut id_taken = transaction.prepare_cached("SELECT 1 FROM reports WHERE id = ?1")?;
            let mut hash_taken =
                transaction.prepare_cached("SELECT 1 FROM reports WHERE hash = ?1")?;
            let mut insert = transaction.prepare_cached(
                "INSERT INTO reports (id, hash, source, meta, text, removed) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut unskip = transaction.prepare_cached("DELETE FROM skipped WHERE source = ?1")?;
            for (hash, report) in reports {
                let meta = &report.meta;
                if id_taken.exists([&meta.id])? {
                    return Err(StoreError::DuplicateId(meta.id.clone()));
                }
                if hash_taken.exists([&hash.0[..]])? {
                    return Err(StoreError::DuplicateContent(*hash));
                }
                insert.execute(params![
                    meta.id,
                    &hash.0[..],
                    meta.source,
                    codec::to_json(meta)?,
                    report.text,
                    codec::to_json(&report.removed)?,
                ])?;
                unskip.execute([&meta.source])?;
            }
        }
        transaction.commit()?;
        Ok(())
    }

    fn report(&self, id: &str) -> Result<Option<StoredReport>, StoreError> {
        let sql = format!("SELECT {REPORT_COLUMNS} FROM reports WHERE id = ?1");
        let mut statement = self.connection.prepare_cached(&sql)?;
        let row = statement.query_row([id], raw_report).optional()?;
        row.map(RawReport::decode).transpose()
    }

    fn has_id(&self, id: &str) -> Result<bool, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT 1 FROM reports WHERE id = ?1")?;
        Ok(statement.exists([id])?)
    }

    fn id_of_hash(&self, hash: &ContentHash) -> Result<Option<String>, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT id FROM reports WHERE hash = ?1")?;
        Ok(statement
            .query_row([&hash.0[..]], |row| row.get(0))
            .optional()?)
    }

    fn put_annotations(
        &mut self,
        version: &str,
        entries: &[(ContentHash, &Extracted)],
    ) -> Result<(), StoreError> {
        let transaction = self.connection.transaction()?;
        {
            let mut insert = transaction.prepare_cached(
                "INSERT OR REPLACE INTO annotations (hash, version, data) VALUES (?1, ?2, ?3)",
            )?;
            for (hash, extracted) in entries {
                insert.execute(params![
                    &hash.0[..],
                    version,
                    codec::encode_compact(*extracted)?
                ])?;
            }
        }
        transaction.commit()?;
        Ok(())
    }

    fn annotations(
        &self,
        hash: &ContentHash,
        version: &str,
    ) -> Result<Option<Extracted>, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT data FROM annotations WHERE hash = ?1 AND version = ?2")?;
        let data: Option<Vec<u8>> = statement
            .query_row(params![&hash.0[..], version], |row| row.get(0))
            .optional()?;
        data.map(|bytes| codec::decode_compact(&bytes)).transpose()
    }

    fn prune_annotations(&mut self, keep_version: &str) -> Result<u64, StoreError> {
        let removed = self.connection.execute(
            "DELETE FROM annotations WHERE version <> ?1",
            [keep_version],
        )?;
        Ok(removed as u64)
    }

    fn annotated_page(
        &self,
        version: &str,
        after_seq: u64,
        limit: usize,
    ) -> Result<Vec<StoredAnnotated>, StoreError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT r.seq, r.hash, r.meta, r.text, r.removed, a.data FROM reports r
             LEFT JOIN annotations a ON a.hash = r.hash AND a.version = ?1
             WHERE r.seq > ?2 ORDER BY r.seq LIMIT ?3",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = statement.query_map(params![version, after_seq, limit], |row| {
            Ok((raw_report(row)?, row.get::<_, Option<Vec<u8>>>(5)?))
        })?;
        rows.map(|row| {
            let (raw, data) = row?;
            Ok(StoredAnnotated {
                stored: raw.decode()?,
                extracted: data
                    .map(|bytes| codec::decode_compact(&bytes))
                    .transpose()?,
            })
        })
        .collect()
    }

    fn unannotated_page(
        &self,
        version: &str,
        after_seq: u64,
        limit: usize,
    ) -> Result<Vec<StoredReport>, StoreError> {
        let sql = format!(
            "SELECT {REPORT_COLUMNS} FROM reports r WHERE r.seq > ?2 AND NOT EXISTS
             (SELECT 1 FROM annotations a WHERE a.hash = r.hash AND a.version = ?1)
             ORDER BY r.seq LIMIT ?3"
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = statement.query_map(params![version, after_seq, limit], raw_report)?;
        rows.map(|row| row?.decode()).collect()
    }

    fn put_skipped(&mut self, skipped: &[Skipped]) -> Result<(), StoreError> {
        let transaction = self.connection.transaction()?;
        {
            let mut upsert = transaction.prepare_cached(
                "INSERT INTO skipped (source, reason) VALUES (?1, ?2)
                 ON CONFLICT (source) DO UPDATE SET reason = excluded.reason",
            )?;
            for entry in skipped {
                upsert.execute([&entry.source, &entry.reason])?;
            }
        }
        transaction.commit()?;
        Ok(())
    }

    fn skipped(&self) -> Result<Vec<Skipped>, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT source, reason FROM skipped ORDER BY n")?;
        let rows = statement.query_map([], |row| {
            Ok(Skipped {
                source: row.get(0)?,
                reason: row.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn put_analysis(
        &mut self,
        analysis: &Analysis,
        revision: u64,
        report_count: u64,
    ) -> Result<(), StoreError> {
        let data = codec::encode_json(analysis)?;
        self.connection.execute(
            "INSERT OR REPLACE INTO analysis (one, revision, report_count, data) VALUES (1, ?1, ?2, ?3)",
            params![revision, report_count, data],
        )?;
        Ok(())
    }

    fn analysis(&self) -> Result<Option<StoredAnalysis>, StoreError> {
        let row: Option<(u64, u64, Vec<u8>)> = self
            .connection
            .query_row(
                "SELECT revision, report_count, data FROM analysis WHERE one = 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        row.map(|(revision, report_count, data)| {
            Ok(StoredAnalysis {
                analysis: codec::decode_json(&data)?,
                revision,
                report_count,
            })
        })
        .transpose()
    }

    fn analysis_revision(&self) -> Result<Option<u64>, StoreError> {
        Ok(self
            .connection
            .query_row("SELECT revision FROM analysis WHERE one = 1", [], |row| {
                row.get(0)
            })
            .optional()?)
    }

    fn revision(&self) -> Result<u64, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT value FROM counters WHERE name = 'revision'")?;
        Ok(statement.query_row([], |row| row.get(0))?)
    }

    fn bump_revision(&mut self) -> Result<u64, StoreError> {
        let mut statement = self.connection.prepare_cached(
            "UPDATE counters SET value = value + 1 WHERE name = 'revision' RETURNING value",
        )?;
        Ok(statement.query_row([], |row| row.get(0))?)
    }

    fn counts(&self) -> Result<Counts, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            let sql = format!("SELECT count(*) FROM {table}");
            Ok(self.connection.query_row(&sql, [], |row| row.get(0))?)
        };
        Ok(Counts {
            reports: count("reports")?,
            annotations: count("annotations")?,
            skipped: count("skipped")?,
        })
    }
}
