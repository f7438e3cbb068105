//! A store held in memory: for tests and throw-away workspaces.

use std::collections::{BTreeMap, HashMap};

use corroborate_model::{Analysis, Report, Skipped};

use crate::{
    codec, ContentHash, Counts, Extracted, Store, StoreError, StoredAnalysis, StoredAnnotated,
    StoredReport,
};

/// Everything in memory; annotations are kept encoded, as on disk, so that
/// both stores exercise the same codec.
#[derive(Debug, Default)]
pub struct MemoryStore {
    reports: BTreeMap<u64, (ContentHash, Report)>,
    seq_by_id: HashMap<String, u64>,
    seq_by_hash: HashMap<ContentHash, u64>,
    annotations: HashMap<(ContentHash, String), Vec<u8>>,
    skipped: Vec<Skipped>,
    /// The encoded analysis, its revision and report count.
    analysis: Option<(Vec<u8>, u64, u64)>,
    revision: u64,
}

impl MemoryStore {
    pub fn new() -> Self {
        MemoryStore::default()
    }

    fn stored(&self, seq: u64) -> Option<StoredReport> {
        self.reports.get(&seq).map(|(hash, report)| StoredReport {
            seq,
            hash: *hash,
            report: report.clone(),
        })
    }

    /// Fails on the first id or hash already taken (by the store or by an
    /// earlier report of the same batch).
    fn check_new(&self, reports: &[(ContentHash, &Report)]) -> Result<(), StoreError> {
        let mut ids = std::collections::HashSet::new();
        let mut hashes = std::collections::HashSet::new();
        for (hash, report) in reports {
            let id = report.meta.id.as_str();
            if self.seq_by_id.contains_key(id) || !ids.insert(id) {
                return Err(StoreError::DuplicateId(id.to_string()));
            }
            if self.seq_by_hash.contains_key(hash) || !hashes.insert(*hash) {
                return Err(StoreError::DuplicateContent(*hash));
            }
        }
        Ok(())
    }
}

impl Store for MemoryStore {
    fn put_reports(&mut self, reports: &[(ContentHash, &Report)]) -> Result<(), StoreError> {
        self.check_new(reports)?;
        for (hash, report) in reports {
            let seq = self.reports.keys().next_back().map_or(1, |last| last + 1);
            self.seq_by_id.insert(report.meta.id.clone(), seq);
            self.seq_by_hash.insert(*hash, seq);
            self.reports.insert(seq, (*hash, (*report).clone()));
            self.skipped.retain(|s| s.source != report.meta.source);
        }
        Ok(())
    }

    fn report(&self, id: &str) -> Result<Option<StoredReport>, StoreError> {
        Ok(self.seq_by_id.get(id).and_then(|&seq| self.stored(seq)))
    }

    fn has_id(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.seq_by_id.contains_key(id))
    }

    fn id_of_hash(&self, hash: &ContentHash) -> Result<Option<String>, StoreError> {
        Ok(self
            .seq_by_hash
            .get(hash)
            .and_then(|seq| self.reports.get(seq))
            .map(|(_, report)| report.meta.id.clone()))
    }

    fn put_annotations(
        &mut self,
        version: &str,
        entries: &[(ContentHash, &Extracted)],
    ) -> Result<(), StoreError> {
        let encoded = entries
            .iter()
            .map(|(hash, extracted)| {
                Ok((
                    (*hash, version.to_string()),
                    codec::encode_compact(extracted)?,
                ))
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        self.annotations.extend(encoded);
        Ok(())
    }

    fn annotations(
        &self,
        hash: &ContentHash,
        version: &str,
    ) -> Result<Option<Extracted>, StoreError> {
        self.annotations
            .get(&(*hash, version.to_string()))
            .map(|bytes| codec::decode_compact(bytes))
            .transpose()
    }

    fn prune_annotations(&mut self, keep_version: &str) -> Result<u64, StoreError> {
        let before = self.annotations.len();
        self.annotations
            .retain(|(_, version), _| version == keep_version);
        Ok((before - self.annotations.len()) as u64)
    }

    fn annotated_page(
        &self,
        version: &str,
        after_seq: u64,
        limit: usize,
    ) -> Result<Vec<StoredAnnotated>, StoreError> {
        self.reports
            .range(after_seq.saturating_add(1)..)
            .take(limit)
            .map(|(&seq, (hash, report))| {
                Ok(StoredAnnotated {
                    stored: StoredReport {
                        seq,
                        hash: *hash,
                        report: report.clone(),
                    },
                    extracted: self.annotations(hash, version)?,
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
        Ok(self
            .reports
            .range(after_seq.saturating_add(1)..)
            .filter(|(_, (hash, _))| !self.annotations.contains_key(&(*hash, version.to_string())))
            .take(limit)
            .filter_map(|(&seq, _)| self.stored(seq))
            .collect())
    }

    fn put_skipped(&mut self, skipped: &[Skipped]) -> Result<(), StoreError> {
        for entry in skipped {
            match self.skipped.iter_mut().find(|s| s.source == entry.source) {
                Some(existing) => existing.reason = entry.reason.clone(),
                None => self.skipped.push(entry.clone()),
            }
        }
        Ok(())
    }

    fn skipped(&self) -> Result<Vec<Skipped>, StoreError> {
        Ok(self.skipped.clone())
    }

    fn put_analysis(
        &mut self,
        analysis: &Analysis,
        revision: u64,
        report_count: u64,
    ) -> Result<(), StoreError> {
        self.analysis = Some((codec::encode_json(analysis)?, revision, report_count));
        Ok(())
    }

    fn analysis(&self) -> Result<Option<StoredAnalysis>, StoreError> {
        self.analysis
            .as_ref()
            .map(|(data, revision, report_count)| {
                Ok(StoredAnalysis {
                    analysis: codec::decode_json(data)?,
                    revision: *revision,
                    report_count: *report_count,
                })
            })
            .transpose()
    }

    fn analysis_revision(&self) -> Result<Option<u64>, StoreError> {
        Ok(self.analysis.as_ref().map(|(_, revision, _)| *revision))
    }

    fn revision(&self) -> Result<u64, StoreError> {
        Ok(self.revision)
    }

    fn bump_revision(&mut self) -> Result<u64, StoreError> {
        self.revision += 1;
        Ok(self.revision)
    }

    fn counts(&self) -> Result<Counts, StoreError> {
        Ok(Counts {
            reports: self.reports.len() as u64,
            annotations: self.annotations.len() as u64,
            skipped: self.skipped.len() as u64,
        })
    }
}
